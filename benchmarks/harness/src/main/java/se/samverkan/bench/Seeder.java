package se.samverkan.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.persistence.internal.Sessions;

/**
 * Writes generated activities straight into a stopped distribution's Derby database (already migrated by a
 * first start), with the same rows the platform writes: texts in three languages, languages held in,
 * organisers and weekly occurrences. The search index is built from them when the distribution starts.
 */
final class Seeder {

    static final String[] CATEGORIES = {"SWEDISH_LANGUAGE_PRACTICE", "CV_WRITING", "COMPUTER_COURSE",
        "DRIVING_LICENCE_THEORY", "SWIMMING", "CYCLING", "JOB_SEEKER_GROUP", "CIVIC_INFORMATION", "PARENT_SUPPORT",
        "CULTURE_MEETING", "HEALTH", "LECTURE", "OTHER"};
    private static final String[] FOCUS = {"WORK", "EDUCATION", "CIVIC_INFORMATION", "CHILD_PERSPECTIVE", "HEALTH", "SOCIAL"};
    private static final String[] SECOND_LANGUAGE = {"ar", "ti", "so", "fa", "en", "uk", "prs"};
    private static final String[][] TOPICS = {
        {"Simkurs", "Swimming course", "دورة سباحة"}, {"Språkcafé", "Language café", "مقهى اللغة"},
        {"Cykelkurs", "Cycling course", "دورة ركوب الدراجات"}, {"Datakurs", "Computer course", "دورة الحاسوب"},
        {"Körkortsteori", "Driving theory", "نظرية القيادة"}, {"CV-verkstad", "CV workshop", "ورشة السيرة الذاتية"},
        {"Jobbsökargrupp", "Job-seeker group", "مجموعة الباحثين عن عمل"}, {"Föräldraträff", "Parents' meeting", "لقاء الأهل"},
        {"Kulturmöte", "Culture meeting", "لقاء ثقافي"}, {"Samhällsinformation", "Civic information", "معلومات مدنية"}};
    private static final String[][] AUDIENCES = {
        {"för kvinnor", "for women", "للنساء"}, {"för nyanlända", "for newcomers", "للوافدين الجدد"},
        {"för unga", "for young people", "للشباب"}, {"på kvällstid", "in the evening", "في المساء"},
        {"för familjer", "for families", "للعائلات"}};
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private Seeder() {
    }

    /** @return the first day any seeded occurrence starts, for date filters */
    static LocalDate seed(Path home, int count) throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/samverkan/derby");
        LocalDate firstDay = LocalDate.now().plusDays(1);
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            List<String> municipalities = column(c, "SELECT code FROM municipality");
            List<String> organisations = column(c, "SELECT id FROM organisation");
            Map<String, List<String>> venuesByMunicipality = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, municipality_code FROM venue")) {
                while (rs.next()) {
                    venuesByMunicipality.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                }
            }
            try (PreparedStatement activity = c.prepareStatement("INSERT INTO activity (id, category, focus_area, "
                    + "municipality_code, venue_id, capacity, cost_sek, sessions) VALUES (?, ?, ?, ?, ?, ?, 0, ?)");
                 PreparedStatement title = c.prepareStatement("INSERT INTO activity_title VALUES (?, ?, ?)");
                 PreparedStatement description = c.prepareStatement("INSERT INTO activity_description VALUES (?, ?, ?)");
                 PreparedStatement language = c.prepareStatement("INSERT INTO activity_language VALUES (?, ?)");
                 PreparedStatement group = c.prepareStatement("INSERT INTO activity_target_group VALUES (?, ?)");
                 PreparedStatement organiser = c.prepareStatement("INSERT INTO activity_organiser VALUES (?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    String id = String.format("bench-%06d", i);
                    String municipality = municipalities.get(random.nextInt(municipalities.size()));
                    List<String> venues = venuesByMunicipality.getOrDefault(municipality, List.of());
                    String[] topic = TOPICS[random.nextInt(TOPICS.length)];
                    String[] audience = AUDIENCES[random.nextInt(AUDIENCES.length)];
                    activity.setString(1, id);
                    activity.setString(2, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                    activity.setString(3, FOCUS[random.nextInt(FOCUS.length)]);
                    activity.setString(4, municipality);
                    activity.setString(5, venues.isEmpty() || random.nextBoolean() ? null : venues.get(random.nextInt(venues.size())));
                    activity.setInt(6, 8 + random.nextInt(30));
                    ZonedDateTime start = firstDay.plusDays(random.nextInt(180))
                            .atTime(LocalTime.of(9 + random.nextInt(11), 0)).atZone(STOCKHOLM);
                    List<Occurrence> sessions = new ArrayList<>();
                    for (int w = 0; w < 4; w++) {
                        ZonedDateTime s = start.plusWeeks(w);
                        sessions.add(new Occurrence(w + 1L, s.toOffsetDateTime(), s.plusMinutes(90).toOffsetDateTime(),
                                OccurrenceStatus.SCHEDULED));
                    }
                    activity.setString(7, Sessions.encode(sessions));
                    activity.addBatch();
                    String[] langs = {"sv", "en", "ar"};
                    for (int l = 0; l < 3; l++) {
                        String t = topic[l] + " " + audience[l] + " " + i;
                        String d = topic[l] + " " + audience[l] + ".";
                        add(title, id, langs[l], t);
                        add(description, id, langs[l], d);
                    }
                    add(language, id, "sv");
                    add(language, id, SECOND_LANGUAGE[random.nextInt(SECOND_LANGUAGE.length)]);
                    add(group, id, audience[1]);
                    add(organiser, id, organisations.get(random.nextInt(organisations.size())));
                    if (i % 1000 == 999 || i == count - 1) {
                        for (PreparedStatement p : List.of(activity, title, description, language, group, organiser)) {
                            p.executeBatch();
                        }
                        c.commit();
                    }
                }
            }
        } finally {
            shutdown();
        }
        return firstDay;
    }

    private static void add(PreparedStatement p, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setString(i + 1, values[i]);
        }
        p.addBatch();
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Derby must be shut down cleanly before the distribution opens the same database. */
    private static void shutdown() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState XJ015.
        }
    }
}
