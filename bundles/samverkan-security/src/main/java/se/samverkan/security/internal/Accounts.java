package se.samverkan.security.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * Karaf ships with no enabled user, so at first start this creates the administrator: with the password in
 * the environment variable SAMVERKAN_ADMIN_PASSWORD if set, otherwise a random one that is printed once and
 * written to data/samverkan/admin-password (readable by the owner only). Users listed as {@code user.NAME}
 * in the demo configuration (se.samverkan.demo.users, shipped only by the demo feature) are added too.
 * Existing users are never changed. Users are written through the realm's own backing engine, as
 * {@code jaas:useradd} does, so passwords are stored hashed and Karaf's file watcher is not raced.
 */
@Component(immediate = true, configurationPid = {"se.samverkan.security", "se.samverkan.demo.users"},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Accounts {

    static final String PASSWORD_ENV = "SAMVERKAN_ADMIN_PASSWORD";
    static final String ADMIN_GROUP = "admingroup";
    /** The roles of Karaf's own admin group: console, ssh and management access. */
    static final List<String> ADMIN_GROUP_ROLES = List.of("group", "admin", "manager", "viewer", "systembundles", "ssh");
    private static final String USER_PREFIX = "user.";
    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    @Activate
    public Accounts(AccountsConfig config, Map<String, Object> properties,
                    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
                    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> factories)
            throws IOException {
        BackingEngineService engines = new BackingEngineService();
        engines.setEngineFactories(factories);
        AppConfigurationEntry[] entries = realms.stream().filter(r -> r.getName().equals(config.realm()))
                .findFirst().map(JaasRealm::getEntries).orElse(new AppConfigurationEntry[0]);
        BackingEngine engine = Arrays.stream(entries).map(engines::get).filter(e -> e != null).findFirst()
                .orElse(null);
        if (engine == null) {
            LOG.log(Level.ERROR, "Realm ''{0}'' has no user store Samverkan can manage; add users by hand", config.realm());
            return;
        }
        Path secret = Path.of(System.getProperty("karaf.data", "data"), "samverkan", "admin-password");
        ensure(engine, config.admin_user(), System.getenv(PASSWORD_ENV), secret, properties);
    }

    /** @return the generated admin password, or null if none was generated */
    static String ensure(BackingEngine users, String adminUser, String envPassword, Path secret,
                         Map<String, Object> properties) throws IOException {
        String generated = null;
        if (!hasAdmin(users)) {
            ensureAdminGroup(users);
            String password = envPassword;
            if (password == null || password.isBlank()) {
                password = generated = randomPassword();
                writeSecret(secret, password);
                System.out.printf("%nSamverkan: created administrator '%s' with password %s%n"
                        + "(also in %s; change it with jaas:* commands, see README)%n%n", adminUser, password, secret);
            }
            users.addUser(adminUser, password);
            users.addGroup(adminUser, ADMIN_GROUP);
            LOG.log(Level.WARNING, "Created the administrator ''{0}''", adminUser);
        }
        for (Map.Entry<String, List<String>> demo : demoUsers(properties).entrySet()) {
            if (users.lookupUser(demo.getKey()) == null) {
                List<String> passwordAndRoles = demo.getValue();
                users.addUser(demo.getKey(), passwordAndRoles.get(0));
                passwordAndRoles.subList(1, passwordAndRoles.size()).forEach(role -> users.addRole(demo.getKey(), role));
                LOG.log(Level.WARNING, "DEMO MODE: added demo user ''{0}'' with a published password", demo.getKey());
            }
        }
        return generated;
    }

    private static boolean hasAdmin(BackingEngine users) {
        for (UserPrincipal user : users.listUsers()) {
            if (users.listRoles(user).stream().anyMatch(r -> r.getName().equals("admin"))) {
                return true;
            }
        }
        return false;
    }

    private static void ensureAdminGroup(BackingEngine users) {
        boolean exists = users.listGroups().keySet().stream().anyMatch(g -> g.getName().equals(ADMIN_GROUP));
        if (!exists) {
            users.createGroup(ADMIN_GROUP);
            ADMIN_GROUP_ROLES.forEach(role -> users.addGroupRole(ADMIN_GROUP, role));
        }
    }

    /** {@code user.NAME = password,role,...} entries of the configuration. */
    static Map<String, List<String>> demoUsers(Map<String, Object> properties) {
        Map<String, List<String>> users = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(USER_PREFIX) && value != null && !value.toString().isBlank()) {
                users.put(key.substring(USER_PREFIX.length()), List.of(value.toString().trim().split("\\s*,\\s*")));
            }
        });
        return users;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path secret, String password) throws IOException {
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, password + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Cannot restrict the permissions of {0}; protect it by hand", secret);
        }
    }
}
