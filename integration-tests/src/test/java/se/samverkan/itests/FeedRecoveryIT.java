package se.samverkan.itests;

import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A calendar source that is down and comes back: its feed shows FAILING, then OK, with no one syncing it. */
public class FeedRecoveryIT extends PlatformTestSupport {

    @Test
    public void aFeedWhoseSourceFailsShowsItAndRecoversOnItsOwn() throws Exception {
        try (LocalHttpServer source = new LocalHttpServer().serve("/cal.ics", 503, null, null)) {
            configureFactory("se.samverkan.feeds.feed", Map.of("id", "itest-recovers", "url", source.url("/cal.ics"),
                    "organisation", "radda-barnen", "municipality", "1882", "pollSeconds", "1", "startDelaySeconds", "1",
                    "retries", "0"));
            JsonNode failing = await("itest-recovers FAILING", () -> feedStatus("itest-recovers"),
                    f -> f != null && f.get("state").asText().equals("FAILING"));
            assertTrue(failing.toString(), failing.get("lastError").asText().contains("HTTP 503"));

            source.serve("/cal.ics", 200, "text/calendar", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IT//SV\r\n"
                    + "BEGIN:VEVENT\r\nUID:back@it\r\nDTSTART:20260105T170000Z\r\nDTEND:20260105T180000Z\r\n"
                    + "RRULE:FREQ=WEEKLY\r\nSUMMARY:Läxhjälp\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
            await("itest-recovers OK with its event", () -> feedStatus("itest-recovers"),
                    f -> f.get("state").asText().equals("OK") && f.get("events").asInt() == 1);
        }
    }
}
