package se.samverkan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against Karaf's real properties user store on a copy of Karaf's default users.properties. */
class AccountsTest {

    private static final String KARAF_DEFAULT = "#karaf = karaf,_g_:admingroup\n#_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n";

    @TempDir
    Path dir;

    @Test
    void generatesAnAdminOnceAndKeepsTheSecretPrivate() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"), KARAF_DEFAULT);
        Path secret = dir.resolve("data/samverkan/admin-password");
        String password = Accounts.ensure(engine(file), "admin", null, secret, Map.of());
        assertNotNull(password);
        assertEquals(20, password.length());
        assertEquals(password, Files.readString(secret).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));

        BackingEngine reread = engine(file);
        assertTrue(roles(reread, "admin").containsAll(List.of("admin", "ssh", "viewer")), roles(reread, "admin").toString());
        assertTrue(Files.readString(file).startsWith("#karaf"), "comments are kept");
        assertNull(Accounts.ensure(reread, "admin", null, secret, Map.of()), "a second start creates nothing");
        assertEquals(1, engine(file).listUsers().size());
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndWritesNoSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"), KARAF_DEFAULT);
        Path secret = dir.resolve("admin-password");
        assertNull(Accounts.ensure(engine(file), "root", "s3cret-from-env", secret, Map.of()));
        assertTrue(Files.readString(file).contains("root = s3cret-from-env"), Files.readString(file));
        assertFalse(Files.exists(secret));
    }

    @Test
    void addsDemoUsersOnlyWhenAbsent() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"),
                "admin = x,_g_:admingroup\n_g_\\:admingroup = group,admin\ncoordinator-vanersborg = changed,coordinator\n");
        Accounts.ensure(engine(file), "admin", null, dir.resolve("s"), Map.of(
                "user.coordinator-vanersborg", "demo,coordinator,municipality:1487",
                "user.partner-sgn", "demo, partner, organisation:support-group-network",
                "service.pid", "se.samverkan.demo.users"));
        BackingEngine reread = engine(file);
        assertEquals(List.of("coordinator"), roles(reread, "coordinator-vanersborg"));
        assertEquals(List.of("partner", "organisation:support-group-network"), roles(reread, "partner-sgn"));
        assertFalse(Files.exists(dir.resolve("s")), "an admin existed already");
    }

    private static BackingEngine engine(Path file) throws Exception {
        return new PropertiesBackingEngine(new Properties(file.toFile()));
    }

    private static List<String> roles(BackingEngine engine, String user) {
        return engine.listRoles(engine.lookupUser(user)).stream().map(Principal::getName).toList();
    }
}
