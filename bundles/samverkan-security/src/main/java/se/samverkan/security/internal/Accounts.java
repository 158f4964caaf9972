package se.samverkan.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.security.auth.login.AppConfigurationEntry;


import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * Karaf ships with no enabled user, so at first start this creates the administrator: with the password in
 * the environment variable SAMVERKAN_ADMIN_PASSWORD if set, otherwise a random one that is printed once and
 * written to data/samverkan/admin-password (readable by the owner only). Users listed as {@code user.NAME}
 * in the demo configuration (se.samverkan.security.demo.users, shipped only by the demo feature) are added too.
 * Existing users are never changed. Users are written through the realm's own backing engine, as
 * {@code jaas:useradd} does, so passwords are stored hashed ({@link PasswordHashing}), into a copy of the user
 * file that then replaces it in one step: Karaf watches the file and rewrites entries it reads as not yet hashed,
 * and while the engine rewrote the file in place, once per change, the watcher read it half-written and wrote a
 * damaged file back (users lost, a role taken for a user). Passwords written into the file in plain text are
 * hashed in the same step, so Karaf finds nothing left to rewrite. At every start the user file is made readable by its owner only, passwords still stored as unsalted
 * digests are named in the log, and while demo users exist a warning says so on the console and in the log.
 */
// The demo users' configuration was se.samverkan.demo.users before release 0.2: still read.
@Component(immediate = true,
        configurationPid = {"se.samverkan.security", "se.samverkan.security.demo.users", "se.samverkan.demo.users"},
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
                    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> factories,
                    // Karaf's user store hashes through it: it must be there before users are written.
                    @Reference(target = "(name=" + PasswordHashing.NAME + ")") EncryptionService hashing)
            throws IOException {
        BackingEngineService engines = new BackingEngineService();
        engines.setEngineFactories(factories);
        AppConfigurationEntry[] entries = realms.stream().filter(r -> r.getName().equals(config.realm()))
                .findFirst().map(JaasRealm::getEntries).orElse(new AppConfigurationEntry[0]);
        AppConfigurationEntry store = Arrays.stream(entries).filter(e -> engines.get(e) != null).findFirst()
                .orElse(null);
        if (store == null) {
            LOG.log(Level.ERROR, "Realm ''{0}'' has no user store Samverkan can manage; add users by hand", config.realm());
            return;
        }
        Path secret = Path.of(System.getProperty("karaf.data", "data"), "samverkan", "admin-password");
        Map<String, ?> options = store.getOptions();
        if (options.get("users") == null) {
            BackingEngine users = engines.get(store);
            ensure(users, config.admin_user(), System.getenv(PASSWORD_ENV), secret, properties);
            warnOfDemoUsers(demoUsersPresent(users, demoUsers(properties)));
            return;
        }
        Path file = Path.of(options.get("users").toString());
        String prefix = String.valueOf(options.get("encryption.prefix"));
        String suffix = String.valueOf(options.get("encryption.suffix"));
        Path draft = file.resolveSibling(file.getFileName() + ".new");
        Files.copy(file, draft, StandardCopyOption.REPLACE_EXISTING);
        ownerOnly(draft);
        Map<String, Object> draftOptions = new HashMap<>(options);
        draftOptions.put("users", draft.toString());
        BackingEngine users = engines.get(new AppConfigurationEntry(store.getLoginModuleName(), store.getControlFlag(),
                draftOptions));
        hashPlainPasswords(users, draft, prefix, suffix);
        ensure(users, config.admin_user(), System.getenv(PASSWORD_ENV), secret, properties);
        if (Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(draft))) {
            Files.delete(draft);
        } else {
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        ownerOnly(file);
        List<String> legacy = legacyUsers(file, prefix, suffix);
        if (!legacy.isEmpty()) {
            LOG.log(Level.WARNING, "The passwords of {0} are stored as unsalted SHA-256 digests; set them again "
                    + "(jaas:user-add NAME PASSWORD) to store them salted", legacy);
        }
        warnOfDemoUsers(demoUsersPresent(users, demoUsers(properties)));
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

    /**
     * The demo users that are in the user store: each has the password the README publishes unless an
     * administrator changed it. Asked of the store this component wrote through, since the user file itself may
     * be being rewritten by Karaf's own watcher at start.
     */
    static List<String> demoUsersPresent(BackingEngine users, Map<String, List<String>> demoUsers) {
        return demoUsers.keySet().stream().filter(user -> users.lookupUser(user) != null).toList();
    }

    /** @return the warning printed on the console and logged, or null when no demo user can log in */
    static String warnOfDemoUsers(List<String> open) {
        if (open.isEmpty()) {
            return null;
        }
        String warning = "WARNING: DEMO MODE. These users have passwords published in the README: "
                + String.join(", ", open) + ". Never run this on a network: remove the samverkan-demo-data "
                + "feature and these users (README, Installing for real).";
        System.out.printf("%n%s%n%n", warning);
        LOG.log(Level.WARNING, warning);
        return warning;
    }

    /** Users whose stored password is an unsalted digest of Karaf's "basic" encryption. */
    static List<String> legacyUsers(Path users, String prefix, String suffix) throws IOException {
        return usersWhose(storedPasswords(users), stored -> hashed(stored, prefix, suffix) && PasswordHashing.isLegacy(
                stored.substring(prefix.length(), stored.length() - suffix.length())));
    }

    /** Users whose password is in the file in plain text (written by hand), not yet hashed. */
    static List<String> plainUsers(Path users, String prefix, String suffix) throws IOException {
        return usersWhose(storedPasswords(users), stored -> !hashed(stored, prefix, suffix));
    }

    /**
     * Stores the passwords written into the file in plain text hashed. Karaf would do it too, at the user's first
     * login or by its watcher of the file, but it writes back the file as it read it when the slow hash is done: a
     * change made meanwhile is lost, as the demo users were when the file held a plain password at start.
     */
    static void hashPlainPasswords(BackingEngine users, Path file, String prefix, String suffix) throws IOException {
        Map<String, String> stored = storedPasswords(file);
        for (String user : usersWhose(stored, password -> !password.isEmpty() && !hashed(password, prefix, suffix))) {
            users.addUser(user, stored.get(user));
        }
    }

    private static List<String> usersWhose(Map<String, String> stored, Predicate<String> password) {
        return stored.entrySet().stream().filter(e -> password.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private static boolean hashed(String stored, String prefix, String suffix) {
        return stored.startsWith(prefix) && stored.endsWith(suffix) && stored.length() >= prefix.length() + suffix.length();
    }

    /** User name to stored password (the first field), groups left out. */
    private static Map<String, String> storedPasswords(Path users) throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(users, StandardCharsets.UTF_8)) {
            file.load(in);
        }
        Map<String, String> stored = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (!key.startsWith("_g_:")) {
                stored.put(key, file.getProperty(key).split(",", 2)[0].strip());
            }
        }
        return stored;
    }

    /** The user store holds every password hash: only the platform's own account may read it. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Cannot restrict the permissions of {0}; protect it by hand", file);
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
        ownerOnly(secret);
    }
}
