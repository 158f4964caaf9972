package se.samverkan.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The database of a released Samverkan with data in every table, which {@link UpgradeFromReleaseIT} starts the
 * current distribution on; {@link MakeReleaseDatabase} makes it (see {@code upgrade/README.md}). What the two share:
 * the files under {@code src/test/resources/upgrade/}, the sources the release read, and the rows of the database
 * read directly with embedded Derby while no distribution has it open.
 */
final class ReleaseDatabase {

    /** The release the database was made with. */
    static final String RELEASE = "d6f0e26";
    /** The Derby database folder below the distribution's data/, as the release configured it. */
    static final String DERBY = "samverkan/derby";
    static final String ADMIN = "admin";
    /** The administrator's password, in the environment of both distributions. */
    static final String PASSWORD = "upgrade-secret";
    static final String FEED = "upgrade-partner";
    /** The partner's calendar: two good events and one without a start, which the release quarantined. */
    static final String FEED_FILE = "partner-feed.ics";
    static final String ARCHIVE = "release-db.tar.gz";
    /** What the release showed when the database was made, read again after the upgrade. */
    static final String FACTS = "release-db.properties";
    /** A subscriber who confirmed, and got a notice with the unsubscribe link. */
    static final String SUBSCRIBER = "nyckelperson@example.org";
    /** The municipality and organisation of a plugin made of configuration, removed again: kept, inactive. */
    static final String REMOVED_PLUGIN = "municipality-stenungsund";
    static final String REMOVED_MUNICIPALITY = "1415";
    static final String REMOVED_ORGANISATION = "stenungsunds-sprakvanner";
    /** A record of a shipped plugin edited through the API: the edit is kept. */
    static final String EDITED_VENUE = "ikc-vanersborg";
    static final String ACTIVITY = "upgrade-sprakcafe";
    /** The record kinds of the REST API. */
    static final List<String> KINDS = List.of("municipalities", "organisations", "agreements", "programmes", "venues",
            "activities");

    static {
        // Embedded Derby in this JVM (reading a database no distribution has open) logs under target/.
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private static final Set<String> PAGED = Set.of("activities", "registry/organisations");

    private ReleaseDatabase() {
    }

    /** What an administrator reads over REST. */
    static JsonNode admin(Http http, String path) {
        Http.Reply reply = http.send("GET", path, null, ADMIN, PASSWORD);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** The item of a JSON list whose field has the value, or null. */
    static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    /** How many records a list of the API shows: a plain list, or a paged one ({@code items}, {@code hasMore}) read whole. */
    static int count(Http http, String path) {
        int count = 0;
        for (int offset = 0; ; offset += 200) {
            Http.Reply page = http.get("/" + path + (PAGED.contains(path) ? "?limit=200&offset=" + offset : ""));
            if (page.status() != 200) {
                throw new AssertionError("GET /" + path + " answered " + page.status() + ": " + page.body());
            }
            if (page.body().isArray()) {
                return page.body().size();
            }
            count += page.body().get("items").size();
            if (!page.body().get("hasMore").asBoolean()) {
                return count;
            }
        }
    }

    /**
     * The calendar feed's configuration, reading the partner's calendar at this URL. Read a second after its route
     * starts: with no delay, Camel's timer may fire before its consumer has started and skip the first read.
     */
    static List<String> feedConfig(String url) {
        return List.of("id = " + FEED, "url = " + url, "organisation = support-group-network", "municipality = 1487",
                "languages = sv, ar", "textLanguage = sv", "defaultCategory = OTHER", "focusArea = SOCIAL",
                "horizonDays = 180", "pollSeconds = 3600", "startDelaySeconds = 1");
    }

    /** The partner's calendar, with the line ends RFC 5545 asks for. */
    static String feedText() throws IOException {
        return resourceText(FEED_FILE).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** The outgoing mail server: this SMTP port, retries a second apart, a message dead after the attempts given. */
    static List<String> mailConfig(int smtpPort, int maxAttempts) {
        return List.of("host = 127.0.0.1", "port = " + smtpPort, "from = Samverkan <noreply@samverkan.example>",
                "pollSeconds = 1", "maxAttempts = " + maxAttempts, "retryDelaySeconds = 1");
    }

    static String resourceText(String name) throws IOException {
        try (InputStream in = ReleaseDatabase.class.getResourceAsStream("/upgrade/" + name)) {
            if (in == null) {
                throw new IOException("upgrade/" + name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A file of upgrade/ as the build copied it (target/test-classes). */
    static Path resource(String name) throws IOException {
        try {
            var url = ReleaseDatabase.class.getResource("/upgrade/" + name);
            if (url == null) {
                throw new IOException("upgrade/" + name + " is not on the test class path");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    static Properties readFacts() throws IOException {
        Properties facts = new Properties();
        try (Reader in = Files.newBufferedReader(resource(FACTS), StandardCharsets.UTF_8)) {
            facts.load(in);
        }
        return facts;
    }

    static void writeFacts(Map<String, String> facts, Path file) throws IOException {
        Properties all = new Properties();
        all.putAll(facts);
        StringWriter text = new StringWriter();
        all.store(text, null);
        // store() writes a date comment and no order: sorted, a remade database shows as a readable change.
        List<String> lines = new ArrayList<>(List.of("# What release " + RELEASE + " showed when " + ARCHIVE
                + " was made (MakeReleaseDatabase)."));
        text.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(lines::add);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** A query's rows as text, one string per row with its columns joined by '|'. */
    static List<String> query(Path derby, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = open(derby); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        } finally {
            shutdown(derby);
        }
        return rows;
    }

    /** Every table of the application's schema and its number of rows, by lower-case name. */
    static Map<String, Long> tableRows(Path derby) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = open(derby)) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM APP." + table)) {
                        rs.next();
                        rows.put(table.toLowerCase(Locale.ROOT), rs.getLong(1));
                    }
                }
            }
        } finally {
            shutdown(derby);
        }
        return rows;
    }

    private static Connection open(Path derby) throws SQLException {
        if (!Files.isDirectory(derby)) {
            throw new SQLException("No Derby database at " + derby);
        }
        return DriverManager.getConnection("jdbc:derby:" + derby.toAbsolutePath());
    }

    /** Closes the database, so that a distribution can open it next. */
    private static void shutdown(Path derby) {
        try {
            DriverManager.getConnection("jdbc:derby:" + derby.toAbsolutePath() + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006.
        }
    }
}
