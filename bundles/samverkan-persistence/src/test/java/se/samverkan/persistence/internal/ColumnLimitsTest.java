package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.samverkan.api.validation.Validation;

/**
 * The API's length limits are the columns' widths, so text is refused with 400 naming the limit before the
 * database could refuse it with a server error. This fails when a migration widens or narrows a column and the
 * limit is not moved with it.
 */
class ColumnLimitsTest {

    @Test
    void everyLimitIsItsColumnsWidth() throws Exception {
        Map<String, Integer> limits = Map.ofEntries(
                Map.entry("MUNICIPALITY.NAME", Validation.MUNICIPALITY_NAME),
                Map.entry("MUNICIPALITY.COUNTY", Validation.MUNICIPALITY_NAME),
                Map.entry("MUNICIPALITY.SUB_REGION", Validation.MUNICIPALITY_NAME),
                Map.entry("ORGANISATION.NAME", Validation.ORGANISATION_NAME),
                Map.entry("AGREEMENT.TITLE", Validation.TITLE),
                Map.entry("AGREEMENT.PURPOSE", Validation.DESCRIPTION),
                Map.entry("PROGRAMME.NAME", Validation.TITLE),
                Map.entry("VENUE.NAME", Validation.VENUE_NAME),
                Map.entry("VENUE.ADDRESS", Validation.ADDRESS),
                Map.entry("ACTIVITY_TITLE.CONTENT", Validation.TITLE),
                Map.entry("ACTIVITY_DESCRIPTION.CONTENT", Validation.DESCRIPTION),
                Map.entry("ACTIVITY_TARGET_GROUP.TARGET_GROUP", Validation.TARGET_GROUP));
        try (DerbyDatabase db = new DerbyDatabase(); Connection c = db.dataSource.getConnection()) {
            for (Map.Entry<String, Integer> limit : limits.entrySet()) {
                String[] column = limit.getKey().split("\\.");
                try (ResultSet rs = c.getMetaData().getColumns(null, null, column[0], column[1])) {
                    rs.next();
                    assertEquals(limit.getValue(), rs.getInt("COLUMN_SIZE"), limit.getKey());
                }
            }
        }
    }
}
