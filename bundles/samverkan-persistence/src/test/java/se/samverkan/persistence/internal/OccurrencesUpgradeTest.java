package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityQuery;

/** Schema V7 moves the occurrence rows of a V6 database into each activity's sessions column. */
class OccurrencesUpgradeTest {

    @Test
    void occurrenceRowsMoveIntoTheColumnWithTheirIdsTimesAndStatus() throws Exception {
        String name = "memory:" + UUID.randomUUID();
        EmbeddedDataSource v6 = new EmbeddedDataSource();
        v6.setDatabaseName(name);
        v6.setCreateDatabase("create");
        LegacySchema.migrate(v6, "records", Schema.class, "V1__initial_schema.sql", "V2__plugins.sql");
        LegacySchema.rewind(v6);
        try (Connection c = v6.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO municipality VALUES ('1487', 'Vänersborg', 'Västra Götalands län', NULL, TRUE)");
            s.execute("INSERT INTO activity (id, category, focus_area, municipality_code) "
                    + "VALUES ('simkurs', 'SWIMMING', 'HEALTH', '1487')");
            s.execute("INSERT INTO activity (id, category, focus_area, municipality_code) "
                    + "VALUES ('utan-tider', 'OTHER', 'SOCIAL', '1487')");
            s.execute("INSERT INTO activity_title VALUES ('simkurs', 'sv', 'Simkurs')");
            s.execute("INSERT INTO activity_title VALUES ('utan-tider', 'sv', 'Utan tider')");
            // Stored in UTC; the second is the summer one, the third cancelled.
            s.execute("INSERT INTO occurrence (id, activity_id, starts_at, ends_at, status) VALUES "
                    + "(41, 'simkurs', '2026-12-01 17:00:00', '2026-12-01 18:30:00', 'SCHEDULED'), "
                    + "(57, 'simkurs', '2027-06-01 16:00:00', '2027-06-01 17:30:00', 'SCHEDULED'), "
                    + "(58, 'simkurs', '2027-06-08 16:00:00', '2027-06-08 17:30:00', 'CANCELLED')");
        }

        try (DerbyDatabase db = new DerbyDatabase(name)) {
            assertEquals(10, db.schema.version());
            SearchIndex index = new SearchIndex(db.schema);
            ActivityServiceImpl activities = new ActivityServiceImpl(db, new Contributions(db.schema, index), index, new RecordHooks());

            assertEquals(List.of(
                    new Occurrence(41L, OffsetDateTime.parse("2026-12-01T18:00+01:00"),
                            OffsetDateTime.parse("2026-12-01T19:30+01:00"), OccurrenceStatus.SCHEDULED),
                    new Occurrence(57L, OffsetDateTime.parse("2027-06-01T18:00+02:00"),
                            OffsetDateTime.parse("2027-06-01T19:30+02:00"), OccurrenceStatus.SCHEDULED),
                    new Occurrence(58L, OffsetDateTime.parse("2027-06-08T18:00+02:00"),
                            OffsetDateTime.parse("2027-06-08T19:30+02:00"), OccurrenceStatus.CANCELLED)),
                    activities.get("simkurs").occurrences());
            assertEquals(List.of(), activities.get("utan-tider").occurrences());
            // The index built at start reads the column: an occurrence matches its day, a cancelled one too.
            assertEquals(List.of("simkurs"), index.search(day("2027-06-01")));
            assertEquals(List.of("simkurs"), index.search(day("2027-06-08")));
            assertEquals(List.of(), index.search(day("2027-06-09")));

            // A new occurrence numbers on from the highest moved id.
            Activity moved = activities.get("simkurs");
            List<Occurrence> more = new java.util.ArrayList<>(moved.occurrences());
            more.add(new Occurrence(null, OffsetDateTime.parse("2027-06-15T18:00+02:00"),
                    OffsetDateTime.parse("2027-06-15T19:30+02:00"), null));
            Activity updated = activities.update(Caller.SYSTEM, "simkurs", new Activity(moved.id(), moved.title(),
                    moved.description(), moved.category(), moved.focusArea(), moved.targetGroups(), moved.languages(),
                    moved.municipalityCode(), moved.organiserIds(), null, null, null, null, null, more));
            assertEquals(List.of(41L, 57L, 58L, 59L), updated.occurrences().stream().map(Occurrence::id).toList());

            try (Connection c = db.dataSource.getConnection();
                 ResultSet tables = c.getMetaData().getTables(null, null, "OCCURRENCE", null)) {
                assertFalse(tables.next(), "the occurrence table is gone once its rows have moved");
            }
        }
    }

    private static ActivityQuery day(String day) {
        LocalDate d = LocalDate.parse(day);
        return new ActivityQuery(null, null, null, null, null, d, d, null, 0, 20);
    }
}
