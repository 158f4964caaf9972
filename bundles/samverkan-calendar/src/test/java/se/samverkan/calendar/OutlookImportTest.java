package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.calendar.Feeds.event;
import static se.samverkan.calendar.Feeds.starts;
import static se.samverkan.calendar.Feeds.time;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;

/** A feed as Outlook / Exchange publishes it: Windows time zone names with their own VTIMEZONEs. */
class OutlookImportTest {

    private static final String COACHING = "040000008200E00074C5B7101A82E00800000000B0B5B1A3C27DDB010000000000000000"
            + "10000000E1A9F40C5E3AF0468B7B6A2C1D0E9F11";

    private final ParsedFeed feed = Feeds.parse("outlook.ics");

    @Test
    void windowsTimeZoneSeriesWithExdateAndAnOverrideInACustomVTimeZone() {
        Activity coaching = event(feed, COACHING).activity();
        assertEquals(List.of("2025-03-04T18:00+01:00", "2025-03-11T18:00+01:00", "2025-03-18T18:00+01:00",
                "2025-03-26T18:00+01:00", // moved from the 25th; its DTSTART uses "Customized Time Zone"
                "2025-04-01T18:00+02:00", "2025-04-08T18:00+02:00", // 15 Apr: EXDATE
                "2025-04-22T18:00+02:00", "2025-04-29T18:00+02:00", "2025-05-06T18:00+02:00",
                "2025-05-13T18:00+02:00", "2025-05-20T18:00+02:00", "2025-05-27T18:00+02:00"), starts(coaching));
        assertEquals(time("2025-03-26T19:30+01:00"), coaching.occurrences().get(3).end());
        assertEquals("Jobbcoachning", coaching.title().get("sv"), "LANGUAGE=sv-SE is Swedish");
        assertEquals(ActivityCategory.JOB_SEEKER_GROUP, coaching.category());
        assertTrue(coaching.description().get("sv").startsWith("Stöd i att söka jobb: CV, personligt brev och intervju"));
        assertTrue(coaching.id().length() <= 80, coaching.id());
    }

    @Test
    void multiDayAllDayEvent() {
        Activity closed = event(feed, "040000008200E00074C5B7101A82E00800000000C4D5E6F7A8B9DB010000000000000000"
                + "100000002F3E4D5C6B7A89984756A3B2C1D0E9F8").activity();
        assertEquals(time("2025-04-17T00:00+02:00"), closed.occurrences().get(0).start());
        assertEquals(time("2025-04-19T00:00+02:00"), closed.occurrences().get(0).end());
    }

    @Test
    void brokenPropertiesTheImportDoesNotUseDoNotRejectTheEvent() {
        Activity cycling = event(feed, "040000008200E00074C5B7101A82E00800000000D1D2D3D4D5D6DB010000000000000000"
                + "10000000AAAABBBBCCCCDDDDEEEEFFFF00001111").activity();
        assertEquals(time("2025-05-05T17:00+02:00"), cycling.occurrences().get(0).start());
        assertEquals(ActivityCategory.CYCLING, cycling.category());
        assertEquals(List.of(), feed.rejected());
        assertEquals(3, feed.events().size());
    }
}
