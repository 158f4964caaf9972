package se.samverkan.feeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.testing.InMemoryQuarantine;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.api.testing.MovableClock;
import se.samverkan.api.util.TextDecoding;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.feeds.internal.FeedStore.State;
import se.samverkan.routes.ActivityUpsert.Known;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.JobStatus;

/** A feed read from a real local HTTP server that changes, fails and answers conditional requests. */
class FeedTest {

    private static final String ID = "sv-kurser";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final InMemoryServices services = new InMemoryServices();
    private final InMemoryFeedStore store = new InMemoryFeedStore();
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
    private final Source source = new Source();

    @AfterEach
    void stop() {
        source.stalled.countDown();
        source.server.stop(0);
    }

    @Test
    void aDownloadCutOffInAnEventIsAFailedReadThatKeepsTheLastGoodData() throws Exception {
        String whole = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"),
                event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED"),
                event("c@sv.se", 1, "Simkurs", "Sim", "CONFIRMED"));
        source.body = whole;
        Feed feed = feed(Map.of());
        feed.read();

        // The connection closed in the second event: no END:VEVENT, no third event, no END:VCALENDAR.
        source.change(whole.substring(0, whole.indexOf("SUMMARY:Cykelkurs")));
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
        assertEquals("FAILING", feed.feedStatus().state());
        assertEquals(3, services.activities.list().stream().filter(a -> a.occurrences().stream()
                .allMatch(o -> o.status() == OccurrenceStatus.SCHEDULED)).count(), "nothing cancelled");
        assertEquals(List.of(), quarantine.list(null, false), "and nothing quarantined");
    }

    @Test
    void aFeedInWindows1252IsImportedAsWrittenWithAWarningOnTheFeed() throws Exception {
        source.bytes = calendar(event("k@sv.se", 1, "Körkortsteori", "Språk", "CONFIRMED"))
                .getBytes(TextDecoding.WINDOWS_1252);
        source.contentType = "text/calendar";
        Feed feed = feed(Map.of());
        feed.read();
        assertEquals("Körkortsteori", services.activities.get(ICalendarImport.activityId(ID, "k@sv.se")).title().get("sv"));
        FeedStatus status = feed.feedStatus();
        assertEquals("OK", status.state());
        assertEquals(1, status.warnings().size(), status.warnings().toString());
        assertTrue(status.warnings().get(0).contains("read as Windows-1252"), status.warnings().get(0));
    }

    @Test
    void aCappedRecurrenceIsAWarningOnTheFeed() throws Exception {
        source.body = calendar("BEGIN:VEVENT\r\nUID:minut@sv.se\r\nDTSTART:" + DAY.format(LocalDate.now(Activity.ZONE))
                + "T100000\r\nDTEND:" + DAY.format(LocalDate.now(Activity.ZONE)) + "T100030\r\n"
                + "RRULE:FREQ=MINUTELY\r\nSUMMARY:Varje minut\r\nEND:VEVENT\r\n");
        Feed feed = feed(Map.of());
        assertEquals(new RunCounts(1, 0, 0, 0, 0), feed.read());
        assertEquals(ICalendarImport.MAX_OCCURRENCES,
                services.activities.get(ICalendarImport.activityId(ID, "minut@sv.se")).occurrences().size());
        List<String> warnings = feed.feedStatus().warnings();
        assertTrue(warnings.get(0).startsWith("event minut@sv.se: the RRULE (FREQ=MINUTELY) gives more than"),
                warnings.toString());
    }

    /** The guard is for the test run only: without a deadline of its own the read would never end. */
    @Test
    @Timeout(120)
    void aSourceThatStallsInTheBodyIsCutOffAtTheDeadline() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        Feed feed = feed(Map.of("readTimeoutSeconds", "1"));
        feed.read();

        source.change(calendar(event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED")));
        source.stall = true;
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        assertTrue(e.getMessage().contains("not read whole within 1 seconds (readTimeoutSeconds)"), e.getMessage());
        assertEquals("FAILING", feed.feedStatus().state());
        assertEquals(1, services.activities.count(), "the last good data stays");
    }

    @Test
    void aRunIsMarkedBeforeItsEventsAreStoredSoACrashShowsAsInterrupted() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        List<Instant> markedWhileStoring = new ArrayList<>();
        FeedStore watched = new FeedStore() {
            public Optional<State> state(String feedId) {
                return store.state(feedId);
            }

            public void saveState(State state) {
                store.saveState(state);
            }

            public Map<String, Known> events(String feedId) {
                return store.events(feedId);
            }

            public void saveEvents(String feedId, Collection<Known> events) {
                markedWhileStoring.add(store.state(feedId).orElseThrow().runStarted());
                store.saveEvents(feedId, events);
            }

            public int countEvents(String feedId) {
                return store.countEvents(feedId);
            }
        };
        Feed feed = new Feed(FeedSettings.of(settings(Map.of())), services.activities, watched, quarantine);
        feed.read();
        assertNotNull(markedWhileStoring.get(0), "what a kill leaves behind names the run");
        assertNull(store.state(ID).orElseThrow().runStarted(), "a run that ended is not marked");

        // What a kill during the next run leaves: its mark, and part of its events stored.
        Instant started = Instant.parse("2026-12-01T09:00:00Z");
        store.saveState(store.state(ID).orElseThrow().running(started));
        Feed afterRestart = feed(Map.of());
        FeedStatus status = afterRestart.feedStatus();
        assertEquals("INTERRUPTED", status.state());
        assertTrue(status.lastError().contains("the read begun at " + started + " was cut off"), status.lastError());

        assertEquals(new RunCounts(0, 0, 1, 0, 0), afterRestart.read());
        assertNull(source.lastIfNoneMatch, "an interrupted run is followed by a whole read, not a conditional one");
        assertEquals("OK", afterRestart.feedStatus().state());
    }

    @Test
    void firstReadStoresEverySeriesAndAnUnchangedSourceCostsOneConditionalRequest() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"),
                event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED"));
        Feed feed = feed(Map.of());
        assertEquals(new RunCounts(2, 0, 0, 0, 0), feed.read());
        Activity cafe = services.activities.get(ICalendarImport.activityId(ID, "a@sv.se"));
        assertEquals("Språkcafé", cafe.title().get("sv"));
        assertEquals(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, cafe.category());
        assertEquals(4, cafe.occurrences().size());

        assertEquals(RunCounts.NONE, feed.read());
        assertEquals("\"v1\"", source.lastIfNoneMatch, "the stored ETag was sent");
        assertEquals(304, source.lastStatus);
        FeedStatus status = feed.feedStatus();
        assertEquals("OK", status.state());
        assertEquals(2, status.events());
    }

    @Test
    void changedCancelledRemovedAndBrokenEventsInOneRead() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"),
                event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED"),
                event("c@sv.se", 1, "Simkurs", "Sim", "CONFIRMED"));
        Feed feed = feed(Map.of());
        feed.read();

        source.change(calendar(event("a@sv.se", 2, "Språkcafé, ny tid", "Språk", "CONFIRMED"),
                event("b@sv.se", 2, "Cykelkurs", "Cykel", "CANCELLED"),
                "BEGIN:VEVENT\r\nUID:d@sv.se\r\nDTSTART:not-a-date\r\nSUMMARY:Trasig\r\nEND:VEVENT\r\n"));
        assertEquals(new RunCounts(0, 2, 0, 1, 1), feed.read());
        assertEquals("Språkcafé, ny tid", services.activities.get(ICalendarImport.activityId(ID, "a@sv.se")).title().get("sv"));
        assertTrue(services.activities.get(ICalendarImport.activityId(ID, "b@sv.se")).occurrences().stream()
                .allMatch(o -> o.status() == OccurrenceStatus.CANCELLED), "STATUS:CANCELLED cancels");
        Activity gone = services.activities.get(ICalendarImport.activityId(ID, "c@sv.se"));
        assertTrue(gone.occurrences().stream().allMatch(o -> o.status() == OccurrenceStatus.CANCELLED),
                "an event gone from the feed is kept, its occurrences cancelled");
        Quarantined broken = quarantine.list("feed:" + ID, true).get(0);
        assertEquals("d@sv.se", broken.key());
        assertTrue(broken.raw().contains("DTSTART:not-a-date"), broken.raw());

        assertEquals(new RunCounts(0, 0, 2, 0, 1), feed.read(),
                "after quarantining, the feed is read whole again, and the unchanged events cost nothing");
        assertEquals(null, source.lastIfNoneMatch);
        source.change(calendar(event("a@sv.se", 2, "Språkcafé, ny tid", "Språk", "CONFIRMED"),
                event("b@sv.se", 2, "Cykelkurs", "Cykel", "CANCELLED")));
        assertEquals(new RunCounts(0, 0, 2, 0, 0), feed.read(), "the same events under a new ETag change nothing");
        assertEquals(RunCounts.NONE, feed.read(), "and a clean feed is read conditionally again");
    }

    @Test
    void aSourceThatIsNotModifiedIsStillReadWholeOnceADaySoItsSeriesKeepAFullHorizon() throws Exception {
        // A weekly series without end and a horizon of 14 days: a week later, one more occurrence is in the window.
        LocalDate first = LocalDate.now(Activity.ZONE).plusDays(1);
        source.body = calendar("BEGIN:VEVENT\r\nUID:vecka@sv.se\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;TZID=Europe/Stockholm:" + DAY.format(first) + "T180000\r\n"
                + "DTEND;TZID=Europe/Stockholm:" + DAY.format(first) + "T200000\r\n"
                + "RRULE:FREQ=WEEKLY\r\nSUMMARY:Språkcafé\r\nCATEGORIES:Språk\r\nEND:VEVENT\r\n");
        MovableClock clock = new MovableClock(Instant.now());
        Feed feed = new Feed(FeedSettings.of(settings(Map.of("horizonDays", "14"))), services.activities, store,
                quarantine, clock);
        String id = ICalendarImport.activityId(ID, "vecka@sv.se");
        assertEquals(new RunCounts(1, 0, 0, 0, 0), feed.read());
        assertEquals(2, services.activities.get(id).occurrences().size());
        assertEquals(RunCounts.NONE, feed.read());
        assertEquals("\"v1\"", source.lastIfNoneMatch, "the same day, a conditional request");

        clock.advance(Duration.ofDays(7));
        assertEquals(new RunCounts(0, 1, 0, 0, 0), feed.read(), "the next day the source is read whole, unchanged");
        assertNull(source.lastIfNoneMatch);
        assertEquals(3, services.activities.get(id).occurrences().size(), "the window moved a week");
        assertEquals(RunCounts.NONE, feed.read(), "and that day's next reads are conditional again");
        assertEquals(304, source.lastStatus);
    }

    @Test
    void anEventWhoseOccurrencesAreAllBeforeTheWindowIsKeptAsItWasNotCancelled() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        MovableClock clock = new MovableClock(Instant.now());
        Feed feed = new Feed(FeedSettings.of(settings(Map.of())), services.activities, store, quarantine, clock);
        assertEquals(new RunCounts(1, 0, 0, 0, 0), feed.read());

        clock.advance(Duration.ofDays(90));
        assertEquals(new RunCounts(0, 0, 0, 0, 0), feed.read(), "still in the feed: neither changed nor gone");
        Activity cafe = services.activities.get(ICalendarImport.activityId(ID, "a@sv.se"));
        assertEquals(4, cafe.occurrences().size());
        assertTrue(cafe.occurrences().stream().allMatch(o -> o.status() == OccurrenceStatus.SCHEDULED),
                "occurrences that were held stay held");
        assertEquals(1, feed.feedStatus().events());
    }

    @Test
    void theSameBytesUnderNewValidatorsAreNotParsedAgainUnlessTheMappingChanged() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"),
                event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED"));
        assertEquals(new RunCounts(2, 0, 0, 0, 0), feed(Map.of()).read());
        source.change(source.body);
        assertEquals(RunCounts.NONE, feed(Map.of()).read(), "a new ETag for the same bytes: not parsed again");
        assertEquals(200, source.lastStatus);

        Feed remapped = feed(Map.of("category.Språk", "CIVIC_INFORMATION"));
        assertEquals(new RunCounts(0, 1, 1, 0, 0), remapped.read(), "another mapping reads the source whole");
        assertNull(source.lastIfNoneMatch, "without its validators");
        assertEquals(ActivityCategory.CIVIC_INFORMATION,
                services.activities.get(ICalendarImport.activityId(ID, "a@sv.se")).category());
        assertEquals(RunCounts.NONE, remapped.read());
        assertEquals(304, source.lastStatus, "and then conditionally again");
    }

    @Test
    void aFeedIsTheImportJobFeedIdWhoseRunIsOneReadWithoutRetries() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"),
                "BEGIN:VEVENT\r\nUID:b@sv.se\r\nSUMMARY:Utan tid\r\nEND:VEVENT\r\n");
        Feed feed = feed(Map.of());
        assertEquals("feed:" + ID, feed.id());
        assertEquals("feed:" + ID, feed.quarantineSource(), "what it quarantines names the job");
        assertNull(feed.status().lastRun(), "not read yet");

        JobStatus ok = feed.run();
        assertEquals(List.of("feed", source.url(), "every 1 h"), List.of(ok.kind(), ok.source(), ok.schedule()));
        JobRun run = ok.lastRun();
        assertEquals(Outcome.OK, run.outcome());
        assertEquals(new Counts(1, 0, 0, 0, 1), run.counts(), "one stored, one quarantined (it has no DTSTART)");
        assertTrue(!run.finished().isBefore(run.started()), run.toString());
        assertEquals(run.started(), ok.lastSuccess());
        assertEquals(feed.feedStatus().lastSync(), run.started(), "the same read as the feed's own status");

        source.status = 503;
        int requests = source.statuses.size();
        JobStatus failed = feed.run();
        assertEquals(requests + 1, source.statuses.size(), "one request: a run now is not retried");
        assertEquals(Outcome.FAILED, failed.lastRun().outcome());
        assertTrue(failed.lastRun().error().contains("HTTP 503"), failed.lastRun().error());
        assertEquals(Counts.NONE, failed.lastRun().counts());
        assertEquals(ok.lastSuccess(), failed.lastSuccess(), "the last success stays");
        assertEquals("FAILING", feed.feedStatus().state());

        Feed afterRestart = feed(Map.of());
        assertEquals(failed.lastRun().started(), afterRestart.status().lastRun().started());
        assertNull(afterRestart.status().lastRun().finished(), "a feed's state keeps when its read began, not ended");

        Quarantined untimed = quarantine.list(feed.quarantineSource(), true).get(0);
        assertEquals(untimed.reason(), feed.replay(untimed), "replayed from its text through the feed: still refused");
    }

    @Test
    void aFailingSourceKeepsTheLastGoodDataAndSaysWhy() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        Feed feed = feed(Map.of());
        feed.read();
        source.status = 503;
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        FeedStatus status = feed.feedStatus();
        assertEquals("FAILING", status.state());
        assertTrue(status.lastError().contains("HTTP 503"));
        assertEquals(1, services.activities.count(), "nothing wiped because a read failed");
        assertEquals(4, services.activities.list().get(0).occurrences().stream()
                .filter(o -> o.status() == OccurrenceStatus.SCHEDULED).count());
    }

    @Test
    void aSourceThatIsGoneIsAFailureOnTheFeedThoughItsErrorHasNoMessage() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        Feed feed = feed(Map.of());
        feed.read();
        // Nothing listens there any more: the HTTP client's ConnectException carries no message.
        source.server.stop(0);
        assertThrows(Feed.UnavailableException.class, feed::read);
        FeedStatus status = feed.feedStatus();
        assertEquals("FAILING", status.state());
        assertTrue(status.lastError().contains("ConnectException"), status.lastError());
        assertEquals(1, services.activities.count());
    }

    @Test
    void anOversizedFeedIsRefusedWithItsSize() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        Feed feed = feed(Map.of("maxBytes", "200"));
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        assertTrue(e.getMessage().contains("more than the 200 allowed"), e.getMessage());
        assertEquals(0, services.activities.count());
    }

    @Test
    void aRefusedEventIsReplayedAfterTheMappingIsFixed() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        Feed wrong = feed(Map.of("languages", "svenska"));
        assertEquals(new RunCounts(0, 0, 0, 0, 1), wrong.read());
        Quarantined refused = quarantine.list(null, true).get(0);
        assertTrue(refused.reason().contains("languages"), refused.reason());
        assertNotNull(wrong.replay(refused.raw()), "still refused with the same mapping");

        Feed fixed = feed(Map.of());
        assertNull(fixed.replay(refused.raw()));
        assertEquals("Språkcafé", services.activities.get(ICalendarImport.activityId(ID, "a@sv.se")).title().get("sv"));
    }

    @Test
    void aFolderOfIcsFilesIsOneFeed(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.ics"), calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED")));
        Files.writeString(folder.resolve("b.ics"), calendar(event("b@sv.se", 1, "Cykelkurs", "Cykel", "CONFIRMED")));
        Map<String, Object> config = settings(Map.of());
        config.remove("url");
        config.put("folder", folder.toString());
        Feed feed = new Feed(FeedSettings.of(config), services.activities, store, quarantine);
        assertEquals(new RunCounts(2, 0, 0, 0, 0), feed.read());
        assertEquals(RunCounts.NONE, feed.read(), "an unchanged folder is not parsed again");
        Files.delete(folder.resolve("b.ics"));
        assertEquals(new RunCounts(0, 0, 1, 1, 0), feed.read());
    }

    @Test
    void aFeedOfSeveralPartsIsStoredWholeAndReadAgainUnchanged() throws Exception {
        // Parts are mapped on another thread while the one before is stored; the outcome is that of one read.
        int n = FeedImporter.FIRST_PART * 3 + 10;  // parts of 500, 1 000 and 10
        int broken = FeedImporter.FIRST_PART + 5;
        int changed = FeedImporter.FIRST_PART + 6;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event("e" + i + "@sv.se", 1, "Kurs " + i, "Språk", "CONFIRMED"));
        }
        events.set(broken, "BEGIN:VEVENT\r\nUID:trasig@sv.se\r\nDTSTART:not-a-date\r\nSUMMARY:Trasig\r\nEND:VEVENT\r\n");
        source.body = calendar(events.toArray(String[]::new));
        Feed feed = feed(Map.of());
        assertEquals(new RunCounts(n - 1, 0, 0, 0, 1), feed.read());
        assertEquals(n - 1, services.activities.count());
        assertEquals("trasig@sv.se", quarantine.list("feed:" + ID, true).get(0).key());

        events.set(changed, event("e" + changed + "@sv.se", 2, "Kurs med ny titel", "Språk", "CONFIRMED"));
        source.change(calendar(events.subList(0, n - 3).toArray(String[]::new)));
        assertEquals(new RunCounts(0, 1, n - 5, 3, 1), feed.read(), "three gone from the last part, one changed");
        assertEquals("Kurs med ny titel",
                services.activities.get(ICalendarImport.activityId(ID, "e" + changed + "@sv.se")).title().get("sv"));
    }

    @Test
    void aBrokenDocumentInAFolderFailsTheReadBeforeAnythingIsStored(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.ics"), calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED")));
        Files.writeString(folder.resolve("b.ics"), "Detta är ingen kalender");
        Map<String, Object> config = settings(Map.of());
        config.remove("url");
        config.put("folder", folder.toString());
        Feed feed = new Feed(FeedSettings.of(config), services.activities, store, quarantine);
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        assertTrue(e.getMessage().contains("not an iCalendar feed"), e.getMessage());
        assertEquals(0, services.activities.count());
    }

    @Test
    void theRouteRetriesASourceThatIsDownUntilItIsBack() throws Exception {
        source.body = calendar(event("a@sv.se", 1, "Språkcafé", "Språk", "CONFIRMED"));
        source.failures = 2;
        Feed feed = feed(Map.of("retries", "3", "retryDelaySeconds", "0", "startDelaySeconds", "0"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.addRoutes(feed);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (services.activities.count() == 0 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, services.activities.count());
        assertEquals(List.of(503, 503, 200), source.statuses.subList(0, 3));
    }

    private Feed feed(Map<String, String> overrides) {
        return new Feed(FeedSettings.of(settings(overrides)), services.activities, store, quarantine);
    }

    private Map<String, Object> settings(Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("id", ID, "url", source.url(), "organisation", "sv-orebro-lan",
                "municipality", "1882", "languages", "sv, ar", "category.Språk", "SWEDISH_LANGUAGE_PRACTICE",
                "category.Cykel", "CYCLING", "category.Sim", "SWIMMING", "pollSeconds", "3600"));
        config.putAll(overrides);
        return config;
    }

    /** A weekly event on Tuesdays, four weeks from next week, in Swedish time. */
    private static String event(String uid, int sequence, String summary, String category, String status) {
        LocalDate start = LocalDate.now(Activity.ZONE).plusDays(7);
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nSEQUENCE:" + sequence + "\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;TZID=Europe/Stockholm:" + DAY.format(start) + "T180000\r\n"
                + "DTEND;TZID=Europe/Stockholm:" + DAY.format(start) + "T200000\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:" + summary + "\r\nCATEGORIES:" + category + "\r\n"
                + "STATUS:" + status + "\r\nEND:VEVENT\r\n";
    }

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SV Örebro län//Kurser//SV\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    /**
     * A feed publisher: serves the body with an ETag, honours If-None-Match, can fail, or stall in the body (sent
     * then without a length) until the test ends.
     */
    private static final class Source {
        final HttpServer server;
        final CountDownLatch stalled = new CountDownLatch(1);
        volatile String body = "";
        volatile byte[] bytes;
        volatile String contentType = "text/calendar; charset=utf-8";
        volatile boolean stall;
        volatile int version = 1;
        volatile int status = 200;
        volatile int failures;
        volatile String lastIfNoneMatch;
        volatile int lastStatus;
        final List<Integer> statuses = new ArrayList<>();

        Source() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/kurser.ics", exchange -> {
                lastIfNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                String etag = "\"v" + version + "\"";
                int code = failures > 0 ? 503 : status != 200 ? status : etag.equals(lastIfNoneMatch) ? 304 : 200;
                if (failures > 0) {
                    failures--;
                }
                byte[] bytes = this.bytes != null ? this.bytes : body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", contentType);
                synchronized (statuses) {
                    statuses.add(code);
                }
                lastStatus = code;
                if (code == 200 && stall) {
                    exchange.sendResponseHeaders(code, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write(bytes, 0, 40);
                    out.flush();
                    try {
                        stalled.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(code, code == 200 ? bytes.length : -1);
                if (code == 200) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
                exchange.close();
            });
            server.start();
        }

        void change(String newBody) {
            body = newBody;
            version++;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/kurser.ics";
        }
    }
}
