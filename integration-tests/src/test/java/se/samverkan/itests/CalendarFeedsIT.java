package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.security.Caller;
import se.samverkan.calendar.FeedMapping;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.itests.Http.Reply;
import se.samverkan.itests.LocalHttpServer.Answer;
import se.samverkan.itests.LocalHttpServer.Request;

/**
 * Calendar feeds in the distribution: from a folder (with the quarantine of what cannot be read, and the
 * subscribable export), and over HTTP from a publisher that changes, fails and is slow.
 */
public class CalendarFeedsIT extends PlatformTestSupport {

    private static final String FEED_PID = "se.samverkan.feeds.feed";
    // The feeds here start a second after they are configured, not at once (startDelaySeconds = 0): Camel's timer
    // drops a first fire that comes before its consumer counts as started, and the next is a period later.

    @Inject
    private FeedService feeds;

    /**
     * A partner's calendar, dropped as .ics files into a folder a feed configuration names: the good event is
     * imported, the broken one quarantined (console and REST show both), and the subscribable export serves it
     * back as valid iCalendar that imports to the same activity, with an ETag for conditional requests.
     */
    @Test
    public void aCalendarFeedIsImportedQuarantinedAndPublished() throws Exception {
        Path folder = Paths.get(System.getProperty("karaf.data"), "samverkan", "feeds", "itest");
        Files.createDirectories(folder);
        LocalDate start = LocalDate.now(Activity.ZONE).plusDays(7);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(start);
        Files.writeString(folder.resolve("kalender.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rädda Barnen//SV\r\n"
                + "BEGIN:VEVENT\r\nUID:laxhjalp-1@rb.se\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Stockholm:" + day
                + "T160000\r\nDTEND;TZID=Europe/Stockholm:" + day + "T173000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
                + "SUMMARY;LANGUAGE=sv:Läxhjälp\r\nSUMMARY;LANGUAGE=ar:مساعدة في الواجبات\r\nCATEGORIES:Läxor\r\n"
                + "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:trasig@rb.se\r\nDTSTART:inte-ett-datum\r\nSUMMARY:Trasig\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n", StandardCharsets.UTF_8);
        configureFactory(FEED_PID, Map.of("id", "itest-rb", "folder", folder.toString(), "organisation", "radda-barnen",
                "municipality", "1882", "languages", "sv, ar", "category.Läxor", "CIVIC_INFORMATION",
                "startDelaySeconds", "1"));

        await("the feed itest-rb read", () -> feeds.feed("itest-rb"),
                feed -> feed.map(f -> f.events() == 1 && f.lastSuccess() != null).orElse(false));
        String id = ICalendarImport.activityId("itest-rb", "laxhjalp-1@rb.se");
        Activity homework = activityService.get(id);
        assertEquals("مساعدة في الواجبات", homework.title().get("ar"));
        assertEquals(3, homework.occurrences().size());
        String feedList = executeCommand("samverkan:feed-list");
        assertTrue(feedList, feedList.lines().anyMatch(l -> l.startsWith("itest-rb") && l.contains("| ok")));
        assertTrue(executeCommand("samverkan:quarantine-list --source feed:itest-rb").contains("trasig@rb.se"));
        assertEquals(401, http.get("/admin/quarantine").status());
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Http.Text plain = http.text("/admin/feeds", "Authorization", basic);
        assertEquals("JSON also for a client that sends no Accept header", 200, plain.status());
        assertTrue(plain.body(), plain.body().startsWith("[{"));
        Reply quarantined = http.send("GET", "/admin/quarantine?source=feed:itest-rb", null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, quarantined.status());
        JsonNode broken = quarantined.body().get(0);
        assertEquals("trasig@rb.se", broken.get("key").asText());
        Reply replay = http.send("POST", "/admin/quarantine/" + broken.get("id").asLong() + "/replay", "", ADMIN, ADMIN_PASSWORD);
        assertEquals("still broken: 409 with the reason", 409, replay.status());
        Reply discarded = http.send("DELETE", "/admin/quarantine/" + broken.get("id").asLong(), null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, discarded.status());
        assertEquals("DISCARDED", discarded.body().get("state").asText());
        assertEquals("itest-rb", http.send("GET", "/admin/feeds", null, ADMIN, ADMIN_PASSWORD).body().findValuesAsText("id")
                .stream().filter("itest-rb"::equals).findFirst().orElseThrow());

        Http.Text exported = http.text("/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar");
        assertEquals(200, exported.status());
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(exported.body(), exported.body().replace("\r\n ", "").contains("\nSUMMARY;LANGUAGE=ar:مساعدة في الواجبات"));
        assertTrue(exported.body(), exported.body().contains("Läxhjälp"));
        String etag = exported.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.text("/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar",
                "If-None-Match", etag).status());
        String lastModified = exported.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals("a client that keeps only the date", 304, http.text(
                "/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar",
                "If-Modified-Since", lastModified).status());
        Matcher url = Pattern.compile("\r\nURL:(\\S+)\r\n").matcher(exported.body().replace("\r\n ", ""));
        assertTrue(exported.body(), url.find());
        Http.Text page = http.textAt(url.group(1));
        assertEquals("the event's URL is the activity: " + url.group(1), 200, page.status());
        assertTrue(page.body(), page.body().contains("\"id\":\"" + id + "\""));
        ParsedFeed again = ICalendarImport.parse(new ByteArrayInputStream(exported.body().getBytes(StandardCharsets.UTF_8)),
                new FeedMapping("again", "radda-barnen", "1882", null, Set.of("sv", "ar"), "sv", Map.of(),
                        ActivityCategory.OTHER, FocusArea.SOCIAL, 180), LocalDate.now(Activity.ZONE));
        assertEquals(List.of(), again.rejected());
        Activity roundTrip = again.events().stream().map(e -> e.activity())
                .filter(a -> a.title().get("sv").equals("Läxhjälp")).findFirst().orElseThrow();
        assertEquals(homework.title(), roundTrip.title());
        assertEquals(homework.occurrences().stream().map(o -> o.start().toInstant()).toList(),
                roundTrip.occurrences().stream().map(o -> o.start().toInstant()).toList());
    }

    /**
     * A feed over HTTP, from a publisher on a local HTTP server: read conditionally (the
     * stored ETag comes back and an unchanged feed answers 304), updated in place when it changes, kept as it
     * was while the publisher fails, and read again when it is back, even slowly.
     */
    @Test
    public void aFeedOverHttpIsReadConditionallyAndSurvivesAFailingPublisher() throws Exception {
        Publisher publisher = new Publisher();
        publisher.body = calendar("kor-1@abf.se", "Kör på lätt svenska");
        try (LocalHttpServer server = new LocalHttpServer().serve("/abf.ics", publisher)) {
            configureFactory(FEED_PID, Map.of("id", "itest-http", "url", server.url("/abf.ics"),
                    "organisation", "radda-barnen", "municipality", "1882", "retries", "1", "retryDelaySeconds", "0",
                    "startDelaySeconds", "1"));
            await("the feed itest-http read", () -> feeds.feed("itest-http"),
                    feed -> feed.map(f -> f.events() == 1 && f.lastSuccess() != null).orElse(false));
            String id = ICalendarImport.activityId("itest-http", "kor-1@abf.se");
            assertEquals("Kör på lätt svenska", activityService.get(id).title().get("sv"));

            FeedStatus unchanged = feeds.sync(Caller.SYSTEM, "itest-http");
            assertEquals("\"v1\"", publisher.lastIfNoneMatch);
            assertEquals(304, publisher.lastStatus);
            assertEquals("OK", unchanged.state());

            publisher.change(calendar("kor-1@abf.se", "Kör på lätt svenska, ny lokal"));
            assertEquals(1, feeds.sync(Caller.SYSTEM, "itest-http").lastRun().updated());
            assertEquals("Kör på lätt svenska, ny lokal", activityService.get(id).title().get("sv"));

            publisher.failing = true;
            FeedStatus failing = feeds.sync(Caller.SYSTEM, "itest-http");
            assertEquals("FAILING", failing.state());
            assertTrue(failing.lastError(), failing.lastError().contains("HTTP 503"));
            assertEquals("the last good data is kept", "Kör på lätt svenska, ny lokal", activityService.get(id).title().get("sv"));
            assertTrue(executeCommand("samverkan:feed-list").lines().anyMatch(l -> l.startsWith("itest-http")
                    && l.contains("failing") && l.contains("HTTP 503")));

            publisher.failing = false;
            publisher.delayMillis = 1500;
            publisher.change(calendar("kor-1@abf.se", "Kör"));
            assertEquals("OK", feeds.sync(Caller.SYSTEM, "itest-http").state());
            assertEquals("Kör", activityService.get(id).title().get("sv"));
        }
    }

    /** A partner's calendar with one weekly event, starting next week. */
    private static String calendar(String uid, String summary) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(Activity.ZONE).plusDays(7));
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ABF//SV\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Stockholm:" + day + "T190000\r\n"
                + "DTEND;TZID=Europe/Stockholm:" + day + "T203000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:" + summary
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** Serves its body with an ETag, answers If-None-Match with 304, and can fail or be slow. */
    private static final class Publisher implements LocalHttpServer.Handler {
        volatile String body;
        volatile int version = 1;
        volatile boolean failing;
        volatile long delayMillis;
        volatile String lastIfNoneMatch;
        volatile int lastStatus;

        void change(String newBody) {
            body = newBody;
            version++;
        }

        @Override
        public Answer answer(Request request) throws InterruptedException {
            Thread.sleep(delayMillis);
            lastIfNoneMatch = request.header("If-None-Match");
            String etag = "\"v" + version + "\"";
            lastStatus = failing ? 503 : etag.equals(lastIfNoneMatch) ? 304 : 200;
            return new Answer(lastStatus, "text/calendar; charset=utf-8", lastStatus == 200 ? body : null,
                    Map.of("ETag", etag));
        }
    }
}
