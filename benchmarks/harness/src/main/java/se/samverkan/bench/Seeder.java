package se.samverkan.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.EntityService.Saved;
import se.samverkan.persistence.internal.ActivityServiceImpl;
import se.samverkan.persistence.internal.Contributions;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.persistence.internal.RecordHooks;
import se.samverkan.persistence.internal.SearchIndex;

/**
 * Writes generated activities into a stopped distribution's Derby database (already migrated by a first start)
 * through the activity service, as any writer does: texts in three languages, languages held in, organisers and
 * weekly occurrences. The search index is built from them when the distribution starts.
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
    private static final String[] LANGUAGES = {"sv", "en", "ar"};
    private static final Caller SEEDER = Caller.fromRoleNames("benchmark", List.of("admin"));
    private static final int BATCH = 1000;

    private Seeder() {
    }

    /** @return the first day any seeded occurrence starts, for date filters */
    static LocalDate seed(Path home, int count) throws Exception {
        LocalDate firstDay = LocalDate.now().plusDays(1);
        Random random = new Random(42);
        // Closing shuts the database down cleanly before the distribution opens it again.
        try (DerbyDatabase db = new DerbyDatabase(home.resolve("data/samverkan/derby").toString())) {
            List<String> municipalities;
            List<String> organisations;
            Map<String, List<String>> venuesByMunicipality = new HashMap<>();
            try (Connection c = db.dataSource.getConnection()) {
                municipalities = column(c, "SELECT code FROM municipality");
                organisations = column(c, "SELECT id FROM organisation");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id, municipality_code FROM venue")) {
                    while (rs.next()) {
                        venuesByMunicipality.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                    }
                }
            }
            SearchIndex index = new SearchIndex(db.schema);
            ActivityServiceImpl activities = new ActivityServiceImpl(db, new Contributions(db.schema, index), index,
                    new RecordHooks());
            List<Activity> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                String municipality = municipalities.get(random.nextInt(municipalities.size()));
                List<String> venues = venuesByMunicipality.getOrDefault(municipality, List.of());
                String[] topic = TOPICS[random.nextInt(TOPICS.length)];
                String[] audience = AUDIENCES[random.nextInt(AUDIENCES.length)];
                ActivityCategory category = ActivityCategory.valueOf(CATEGORIES[random.nextInt(CATEGORIES.length)]);
                FocusArea focus = FocusArea.valueOf(FOCUS[random.nextInt(FOCUS.length)]);
                String venue = venues.isEmpty() || random.nextBoolean() ? null : venues.get(random.nextInt(venues.size()));
                int capacity = 8 + random.nextInt(30);
                ZonedDateTime start = firstDay.plusDays(random.nextInt(180))
                        .atTime(LocalTime.of(9 + random.nextInt(11), 0)).atZone(Activity.ZONE);
                List<Occurrence> occurrences = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    ZonedDateTime s = start.plusWeeks(w);
                    occurrences.add(new Occurrence(null, s.toOffsetDateTime(), s.plusMinutes(90).toOffsetDateTime(),
                            OccurrenceStatus.SCHEDULED));
                }
                Map<String, String> titles = new HashMap<>();
                Map<String, String> descriptions = new HashMap<>();
                for (int l = 0; l < LANGUAGES.length; l++) {
                    titles.put(LANGUAGES[l], topic[l] + " " + audience[l] + " " + i);
                    descriptions.put(LANGUAGES[l], topic[l] + " " + audience[l] + ".");
                }
                Set<String> languages = Set.of("sv", SECOND_LANGUAGE[random.nextInt(SECOND_LANGUAGE.length)]);
                batch.add(new Activity(String.format("bench-%06d", i), titles, descriptions, category, focus,
                        Set.of(audience[1]), languages, municipality,
                        List.of(organisations.get(random.nextInt(organisations.size()))), null, null, venue, capacity,
                        BigDecimal.ZERO, occurrences));
                if (batch.size() == BATCH || i == count - 1) {
                    for (Saved<Activity> saved : activities.saveAll(SEEDER, batch)) {
                        if (saved.error() != null) {
                            throw new IllegalStateException("seeding " + saved.id() + ": " + saved.error().getMessage());
                        }
                    }
                    batch.clear();
                }
            }
        }
        return firstDay;
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
}
