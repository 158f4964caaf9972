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
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
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
                "service.pid", "se.samverkan.security.demo.users"));
        BackingEngine reread = engine(file);
        assertEquals(List.of("coordinator"), roles(reread, "coordinator-vanersborg"));
        assertEquals(List.of("partner", "organisation:support-group-network"), roles(reread, "partner-sgn"));
        assertFalse(Files.exists(dir.resolve("s")), "an admin existed already");
    }

    @Test
    void theUserFileStaysReadableByItsOwnerOnlyWhenKarafWritesItAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"), KARAF_DEFAULT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Accounts.ensure(engine(file), "admin", "pw", dir.resolve("s"), Map.of());
        Accounts.ownerOnly(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        // What jaas:user-add does later, through the same store.
        engine(file).addUser("anna", "pw2");
        assertTrue(Files.readString(file).contains("anna = pw2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void namesTheUsersWhosePasswordsAreUnsaltedDigests() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"), KARAF_DEFAULT
                + "_g_\\:admingroup = {CRYPT}AD936FCBED631FA67E05C3EA03953905221C9D46AF0616B70BADF105A966FB11{CRYPT},group\n"
                + "old = {CRYPT}5FCF82BC15AEF42CD3EC93E6D4B51C04DF110CF77EE715F62F3F172FF8ED9DE9{CRYPT},_g_:admingroup\n"
                + "new = {CRYPT}pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA{CRYPT},coordinator\n"
                + "plain = 5FCF82BC15AEF42CD3EC93E6D4B51C04DF110CF77EE715F62F3F172FF8ED9DE9,coordinator\n");
        assertEquals(List.of("old"), Accounts.legacyUsers(file, "{CRYPT}", "{CRYPT}"));
        assertEquals(List.of("plain"), Accounts.plainUsers(file, "{CRYPT}", "{CRYPT}"));
    }

    @Test
    void storesPlainPasswordsHashedKeepingTheirRoles() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"),
                "itest-admin = secret,admin\nanna = {CRYPT}unchanged{CRYPT},coordinator\n");
        PasswordHashing hashing = new PasswordHashing(1000, Clock.systemUTC());
        // Karaf's store, hashing as the realm does with encryption.name = samverkan and {CRYPT} around the hash.
        EncryptionSupport realmHashing = new EncryptionSupport(Map.of()) {
            @Override
            public String encrypt(String password) {
                return "{CRYPT}" + hashing.hash(password) + "{CRYPT}";
            }
        };
        Accounts.hashPlainPasswords(new PropertiesBackingEngine(new Properties(file.toFile()), realmHashing), file,
                "{CRYPT}", "{CRYPT}");
        Properties stored = new Properties(file.toFile());
        String[] admin = stored.getProperty("itest-admin").split(",");
        assertTrue(admin[0].startsWith("{CRYPT}pbkdf2-sha256$1000$"), admin[0]);
        assertTrue(hashing.verify("secret", admin[0].substring(7, admin[0].length() - 7)));
        assertEquals(List.of("admin"), roles(engine(file), "itest-admin"));
        assertEquals("{CRYPT}unchanged{CRYPT},coordinator", stored.getProperty("anna"));
        assertEquals(List.of(), Accounts.plainUsers(file, "{CRYPT}", "{CRYPT}"));
    }

    @Test
    void warnsWhileDemoUsersExist() throws Exception {
        Path file = Files.writeString(dir.resolve("users.properties"), KARAF_DEFAULT);
        Map<String, Object> demo = Map.of(
                "user.coordinator-vanersborg", "demo-vanersborg,coordinator,municipality:1487",
                "user.partner-support-group-network", "demo-sgn,partner");
        BackingEngine users = engine(file);
        assertEquals(List.of(), Accounts.demoUsersPresent(users, Accounts.demoUsers(demo)));
        assertNull(Accounts.warnOfDemoUsers(List.of()));

        Accounts.ensure(users, "admin", "pw", dir.resolve("s"), demo);
        List<String> present = Accounts.demoUsersPresent(users, Accounts.demoUsers(demo));
        assertEquals(List.of("coordinator-vanersborg", "partner-support-group-network"), present);
        String warning = Accounts.warnOfDemoUsers(present);
        assertEquals("WARNING: DEMO MODE. These users have passwords published in the README: coordinator-vanersborg, "
                + "partner-support-group-network. Never run this on a network: remove the samverkan-demo-data feature "
                + "and these users (README, Installing for real).", warning);

        users.deleteUser("partner-support-group-network");
        assertEquals(List.of("coordinator-vanersborg"), Accounts.demoUsersPresent(engine(file), Accounts.demoUsers(demo)));
    }

    private static BackingEngine engine(Path file) throws Exception {
        return new PropertiesBackingEngine(new Properties(file.toFile()));
    }

    private static List<String> roles(BackingEngine engine, String user) {
        return engine.listRoles(engine.lookupUser(user)).stream().map(Principal::getName).toList();
    }
}
