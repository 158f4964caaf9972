package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Logins and transport of the distribution as an administrator runs it: the default (demo) distribution with
 * HTTPS configured as the README says, and the README's "Installing for real" (no demo feature, no demo users).
 */
class SecurityIT {

    private static final String PASSWORD = "security-secret";
    private static final List<String> DEMO_USERS = List.of("coordinator-trollhattan", "coordinator-vanersborg",
            "partner-support-group-network");

    private KarafProcess karaf;

    @Test
    void theDemoDistributionWithHttpsGuardsItsLogins() throws Exception {
        karaf = KarafProcess.unpack("security", PASSWORD);
        Path home = karaf.home();
        // An entry as earlier versions wrote it: Karaf's "basic" encryption, unsalted SHA-256 in hexadecimal.
        Files.writeString(home.resolve("etc/users.properties"), "legacy-coordinator = {CRYPT}"
                + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        "legacy-password".getBytes(StandardCharsets.UTF_8)))
                + "{CRYPT},coordinator,municipality:1487\n", StandardOpenOption.APPEND);
        int httpsPort = Http.freePort();
        Path keystore = home.resolve("etc/server.p12");
        // The README's way to turn HTTPS on: a keystore and three lines in etc/org.ops4j.pax.web.cfg.
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").inheritIO().start();
        assertEquals(0, keytool.waitFor());
        Files.write(home.resolve("etc/org.ops4j.pax.web.cfg"), List.of(
                "org.osgi.service.http.secure.enabled = true",
                "org.osgi.service.http.port.secure = " + httpsPort,
                "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/server.p12",
                "org.ops4j.pax.web.ssl.keystore.type = PKCS12",
                "org.ops4j.pax.web.ssl.keystore.password = changeit",
                "org.ops4j.pax.web.ssl.key.password = changeit",
                "org.ops4j.pax.web.ssl.key.alias = server"), StandardOpenOption.APPEND);
        karaf.start();
        karaf.awaitUp();
        karaf.awaitLogLine("Plugin samverkan-municipality-vanersborg 0.1.0.SNAPSHOT: APPLIED", 1);
        HttpClient tls = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
        URI https = URI.create("https://localhost:" + httpsPort + "/api/v1/");

        // The demo users are announced, on the console and in the log.
        String warning = karaf.awaitLogLine("WARNING: DEMO MODE", 1);
        for (String user : DEMO_USERS) {
            assertTrue(warning.contains(user), warning);
        }
        assertTrue(Files.readString(home.resolve("console.log")).contains("WARNING: DEMO MODE. These users have "
                + "passwords published in the README: " + String.join(", ", DEMO_USERS)));
        karaf.awaitLogLine("The passwords of [legacy-coordinator] are stored as unsalted SHA-256 digests", 1);

        // The user file: the owner's only, every user there and whole, new passwords salted and slow.
        Path users = home.resolve("etc/users.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        List<String> entries = Files.readAllLines(users).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        for (String user : List.of("admin", DEMO_USERS.get(0), DEMO_USERS.get(1), DEMO_USERS.get(2))) {
            assertTrue(entries.stream().anyMatch(l -> l.startsWith(user + " = {CRYPT}pbkdf2-sha256$600000$")), entries.toString());
        }
        assertEquals(6, entries.size(), "admin, its group, three demo users, the old entry: " + entries);

        // Credentials only over HTTPS; HTTPS answers carry HSTS.
        Http.Reply plain = karaf.http().send("POST", "/venues", venue("plain-hall"), "admin", PASSWORD);
        assertEquals(403, plain.status());
        assertTrue(plain.body().get("detail").asText().contains("HTTPS only"), plain.body().toString());
        HttpResponse<String> created = send(tls, https.resolve("venues"), "admin", PASSWORD, venue("tls-hall"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("max-age=31536000", created.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals("nosniff", created.headers().firstValue("X-Content-Type-Options").orElse(null));

        // The unsalted entry of an earlier version still logs in.
        assertEquals(201, send(tls, https.resolve("venues"), "legacy-coordinator", "legacy-password",
                venue("legacy-hall")).statusCode());

        // Guessing: five failures, then held back with the right password too; each failure in the audit and log.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(tls, https.resolve("venues"), "admin", "guess-" + i, venue("x")).statusCode());
        }
        HttpResponse<String> held = send(tls, https.resolve("venues"), "admin", PASSWORD, venue("y"));
        assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses);
        assertEquals(429, held.statusCode());
        assertTrue(held.headers().firstValue("Retry-After").isPresent());
        karaf.awaitLogLine("Authentication failed - admin - http(127.0.0.1)", 5);
        karaf.awaitLogLine("Failed login as 'admin' from 127.0.0.1 (5 in a row", 1);
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertFalse(log.contains("NoClassDefFoundError"), "the login audit works");
        assertFalse(log.contains("guess-"), "no password in the log");

        // The JVM has the heap of bin/setenv, and the ssh console listens on this host only.
        String arguments = String.join(" ", ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("-Dkaraf.home=" + home)).orElse(false))
                .findFirst().orElseThrow().info().arguments().orElseThrow());
        assertTrue(arguments.contains("-Xms256M") && arguments.contains("-Xmx1024M"), arguments);
        int sshPort = Integer.parseInt(Files.readAllLines(home.resolve("etc/org.apache.karaf.shell.cfg")).stream()
                .filter(l -> l.startsWith("sshPort")).reduce((a, b) -> b).orElseThrow().split("=")[1].strip());
        List<String> ssh = listening(sshPort);
        assertFalse(ssh.isEmpty());
        // 127.0.0.1, also as the IPv4-mapped IPv6 address ::ffff:127.0.0.1 (not 0.0.0.0 or ::).
        assertTrue(ssh.stream().allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F")),
                ssh.toString());
    }

    @Test
    void installedForRealOnItsOwnDatabaseNoDemoUserCanLogIn() throws Exception {
        karaf = KarafProcess.unpack("real", PASSWORD);
        Path home = karaf.home();
        // The README's "Installing for real": no demo feature at boot (its configuration is written by that feature),
        // and its own database: a feature that provides the DataSource jdbc/samverkan instead of
        // samverkan-database-derby (here Derby in another folder, set up as a server database's feature would be).
        Path database = home.resolve("etc/own-database.xml");
        Files.writeString(database, """
                <features name="own-database" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="own-database" version="1.0.0">
                    <feature>pax-jdbc-config</feature>
                    <feature>pax-jdbc-pool-dbcp2</feature>
                    <feature>pax-jdbc-derby</feature>
                    <capability>osgi.service;objectClass=javax.sql.DataSource;osgi.jndi.service.name="jdbc/samverkan";effective:=active</capability>
                  </feature>
                </features>
                """);
        Files.writeString(home.resolve("etc/org.ops4j.datasource-samverkan.cfg"), """
                osgi.jdbc.driver.name = derby
                url = jdbc:derby:${karaf.data}/own-database;create=true
                osgi.jndi.service.name = jdbc/samverkan
                pool = dbcp2
                xa = false
                """);
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features);
        assertTrue(boot.contains("samverkan-demo-data/") && boot.contains("samverkan-database-derby/"), boot);
        Files.writeString(features, boot.replaceAll("samverkan-demo-data/[^,\\s]+,\\s*", "")
                .replaceAll("samverkan-database-derby/[^,\\s]+", "own-database/1.0.0")
                .replaceAll("(?m)^(featuresRepositories=.*)$", "$1, " + database.toUri()));
        karaf.start();
        karaf.awaitUp();
        // Vänersborg, where the venues below are, comes with its plugin.
        karaf.awaitLogLine("Plugin samverkan-municipality-vanersborg 0.1.0.SNAPSHOT: APPLIED", 1);
        String installed = karaf.client("feature:list -i");
        assertTrue(installed.contains("own-database"), installed);
        assertFalse(installed.contains("samverkan-database-derby"), "Derby, the default, is not installed: " + installed);
        assertTrue(Files.isDirectory(home.resolve("data/own-database")));
        assertFalse(Files.exists(home.resolve("data/samverkan/derby")));

        for (String user : DEMO_USERS) {
            String password = "demo-" + (user.contains("vanersborg") ? "vanersborg" : user.contains("trollhattan")
                    ? "trollhattan" : "sgn");
            assertEquals(401, karaf.http().send("POST", "/venues", venue("demo-" + user), user, password).status(), user);
        }
        assertEquals(201, karaf.http().send("POST", "/venues", venue("real-hall"), "admin", PASSWORD).status());
        assertFalse(Files.readString(home.resolve("etc/users.properties")).contains("coordinator-"));
        assertFalse(Files.exists(home.resolve("etc/se.samverkan.security.demo.users.cfg")));
        assertFalse(Files.readString(home.resolve("console.log")).contains("DEMO MODE"));
        assertFalse(Files.readString(home.resolve("data/log/karaf.log")).contains("DEMO MODE"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static String venue(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Hall\",\"municipalityCode\":\"1487\",\"accessibility\":[]}";
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String user, String password, String json)
            throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The local addresses (hex, as the kernel lists them) of the sockets listening on a TCP port. */
    private static List<String> listening(int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                    addresses.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }
}
