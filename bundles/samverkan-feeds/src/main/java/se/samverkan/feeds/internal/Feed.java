package se.samverkan.feeds.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.model.Activity;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.util.Sha256;
import se.samverkan.calendar.FeedException;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.ICalendarImport.Series;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.feeds.internal.FeedStore.State;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.JobStatus;
import se.samverkan.routes.Retries;

/**
 * One calendar feed, made by its factory configuration ({@link FeedSettings}). It is its own Camel route
 * ({@code feed-ID}), which the platform's CamelContext runs like any plugin's: a timer reads the feed; a read
 * that fails (source down, broken beyond parsing) is retried with doubling delays and then recorded as the
 * feed's last error, and the events stored from the last good read stay as they are. It is the import job
 * {@code feed:ID}: a run now ({@link #run()}, also what {@code FeedService.sync} does) is one read without retries.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class, Feed.class}, configurationPid = Feed.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class Feed extends RouteBuilder implements ImportJob {

    static final String PID = "se.samverkan.feeds.feed";
    /** The name of {@link #PID} before release 0.2, still read ({@link FeedUnderFormerPid}). */
    static final String FORMER_PID = "se.samverkan.calendar.feed";

    /** The feed could not be read now; the route retries it. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final FeedSettings settings;
    private final Clock clock;
    private final FeedSource source;
    private final FeedStore store;
    private final FeedImporter importer;
    /** A read of this feed is being stored now (its state's run marker is then this run's, not a crashed one's). */
    private volatile boolean running;
    /** When the last read of this feed began and ended: the feed's state keeps only when it began. */
    private volatile Read lastRead;

    private record Read(Instant started, Instant finished) {
    }

    @Activate
    public Feed(Map<String, Object> properties, @Reference ActivityService activities, @Reference FeedStore store,
                @Reference QuarantineService quarantine) {
        this(FeedSettings.of(properties), activities, store, quarantine);
    }

    Feed(FeedSettings settings, ActivityService activities, FeedStore store, QuarantineService quarantine) {
        this(settings, activities, store, quarantine, Clock.systemUTC());
    }

    Feed(FeedSettings settings, ActivityService activities, FeedStore store, QuarantineService quarantine,
         Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.source = FeedSource.of(settings);
        this.store = store;
        this.importer = new FeedImporter(settings.id(), activities, store, quarantine);
    }

    String feedId() {
        return settings.id();
    }

    /** The id of a feed's import job, which is also the source of what it quarantines. */
    static String jobId(String feedId) {
        return "feed:" + feedId;
    }

    @Override
    public String id() {
        return jobId(feedId());
    }

    @Override
    public String quarantineSource() {
        return id();
    }

    @Override
    public void configure() {
        Retries.withDoublingDelays(this, UnavailableException.class, settings.retries(), settings.retryDelaySeconds(),
                LoggingLevel.WARN, LoggingLevel.ERROR, "Calendar feed " + feedId() + " failed after retries: "
                        + "${exception.message}; its last good data is kept");
        from("timer:samverkan-feed-" + feedId() + "?delay=" + settings.startDelaySeconds() * 1000 + "&period="
                + settings.pollSeconds() * 1000)
                .routeId("feed-" + feedId())
                .process(exchange -> read());
    }

    /**
     * Reads the feed if it changed; records the outcome either way. A source is read whole at least once a day
     * (Stockholm), even if it answers "not modified": the window its recurring events are expanded over moves with
     * the date, so a weekly course without end keeps its occurrences a full horizon ahead. It is read whole after a
     * change of the mapping too. The same bytes as the day's last whole read are not parsed again, whatever the
     * source's validators say (some sources send none, or new ones for the same text). Before anything of a read is
     * stored, the run is marked as started in the feed's state; a run cut off by a crash is shown as INTERRUPTED.
     */
    synchronized RunCounts read() throws UnavailableException {
        Instant started = clock.instant();
        try {
            return read(started);
        } finally {
            lastRead = new Read(started, clock.instant());
        }
    }

    private RunCounts read(Instant now) throws UnavailableException {
        State before = store.state(feedId())
                .orElse(new State(feedId(), null, null, null, null, null, null, null, null, null, null));
        String mapping = settings.mapping().key() + ":";
        try {
            // After a read with quarantined events the whole feed is read again: what was refused may be taken
            // now (e.g. the venue it names has come since), even if the source did not change. So it is after a
            // read that failed or was cut off, whose events may be stored only in part.
            boolean clean = (before.lastRun() == null || before.lastRun().rejected() == 0)
                    && before.lastError() == null && before.runStarted() == null;
            boolean current = clean && before.lastRead() != null && day(before.lastRead()).equals(day(now))
                    && before.readKey() != null && before.readKey().startsWith(mapping);
            FeedSource.Fetched fetched = source.fetch(current ? before.etag() : null,
                    current ? before.lastModified() : null);
            String readKey = fetched == null ? null : mapping + Sha256.hex(fetched.documents());
            if (fetched == null || current && readKey.equals(before.readKey())) {
                store.saveState(new State(feedId(), fetched == null ? before.etag() : fetched.etag(),
                        fetched == null ? before.lastModified() : fetched.lastModified(), now, now, null,
                        new RunCounts(0, 0, countEvents(), 0, 0), before.lastRead(), before.readKey(),
                        before.warnings(), null));
                return RunCounts.NONE;
            }
            List<Series> documents = read(fetched, day(now));
            store.saveState(before.running(now));
            FeedImporter.Outcome outcome;
            running = true;
            try {
                outcome = importer.apply(documents);
            } finally {
                running = false;
            }
            store.saveState(new State(feedId(), fetched.etag(), fetched.lastModified(), now, now, null, outcome.counts(),
                    now, readKey, outcome.warnings(), null));
            return outcome.counts();
        } catch (IOException | FeedException | RuntimeException e) {
            // Whatever failed, the feed says so: a failure that only reached the log would leave it looking fine.
            // Some failures carry no message (the HTTP client's ConnectException): then their kind says it.
            String error = e instanceof RuntimeException ? "the read could not be stored: " + e
                    : e.getMessage() == null || e.getMessage().isBlank() ? "the source could not be read: " + e
                    : e.getMessage();
            store.saveState(new State(feedId(), before.etag(), before.lastModified(), now, before.lastSuccess(), error,
                    before.lastRun(), before.lastRead(), before.readKey(), before.warnings(), null));
            throw new UnavailableException("calendar feed " + feedId() + ": " + error, e);
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, Activity.ZONE);
    }

    /**
     * Tries a quarantined event again with the feed's current settings.
     *
     * @return null if it was stored, else why not
     */
    synchronized String replay(String rawEvent) {
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Samverkan//replay//SV\r\n" + rawEvent.strip()
                + "\r\nEND:VCALENDAR\r\n";
        try {
            ParsedFeed parsed = ICalendarImport.parse(new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)),
                    settings.mapping(), day(clock.instant()));
            if (!parsed.rejected().isEmpty()) {
                return parsed.rejected().get(0).reason();
            }
            RunCounts counts = importer.apply(parsed, false).counts();
            return counts.rejected() == 0 ? null : "the platform still refuses it; see the quarantine for the reason";
        } catch (FeedException e) {
            return e.getMessage();
        }
    }

    FeedStatus feedStatus() {
        State s = store.state(feedId()).orElse(null);
        if (s == null) {
            return new FeedStatus(feedId(), settings.source(), settings.mapping().organisationId(), "NEVER", null, null,
                    null, RunCounts.NONE, countEvents(), List.of());
        }
        String state = s.lastError() != null ? "FAILING" : "OK";
        String error = s.lastError();
        if (s.runStarted() != null) {
            state = running ? "RUNNING" : "INTERRUPTED";
            error = running ? error : interrupted(s);
        }
        return new FeedStatus(feedId(), settings.source(), settings.mapping().organisationId(), state, s.lastSync(),
                s.lastSuccess(), error, s.lastRun() == null ? RunCounts.NONE : s.lastRun(), countEvents(),
                s.warnings());
    }

    /** Its read as an import job's run: the same state as {@link #feedStatus()}. */
    @Override
    public JobStatus status() {
        State s = store.state(feedId()).orElse(null);
        return new JobStatus(id(), "feed", settings.source(), ImportJob.every(settings.pollSeconds()), id(),
                s == null ? null : lastRun(s), s == null ? null : s.lastSuccess());
    }

    private JobRun lastRun(State s) {
        if (s.runStarted() != null) {
            return running ? new JobRun(s.runStarted(), null, Outcome.RUNNING, Counts.NONE, null)
                    : new JobRun(s.runStarted(), null, Outcome.INTERRUPTED, Counts.NONE, interrupted(s));
        }
        Read read = lastRead;
        Instant finished = read != null && read.started().equals(s.lastSync()) ? read.finished() : null;
        if (s.lastError() != null) {
            return new JobRun(s.lastSync(), finished, Outcome.FAILED, Counts.NONE, s.lastError());
        }
        RunCounts c = s.lastRun() == null ? RunCounts.NONE : s.lastRun();
        return new JobRun(s.lastSync(), finished, Outcome.OK,
                new Counts(c.created(), c.updated(), c.unchanged(), c.removed(), c.rejected()), null);
    }

    /** Marked as started, never finished, and no read runs now: the platform stopped in the middle of it. */
    private static String interrupted(State s) {
        return "the read begun at " + s.runStarted() + " was cut off before all of it was stored (the platform "
                + "stopped); what was stored stays, and the next read takes the whole feed again";
    }

    /** One read now, without the route's retries; a failure is the feed's last error, which the status shows. */
    @Override
    public JobStatus run() {
        try {
            read();
        } catch (UnavailableException e) {
            // Recorded in the feed's state.
        }
        return status();
    }

    @Override
    public String replay(Quarantined item) {
        return replay(item.raw());
    }

    private int countEvents() {
        return store.countEvents(feedId());
    }

    /** Reads every document before anything is stored, so a broken one fails the read and changes nothing. */
    private List<Series> read(FeedSource.Fetched fetched, LocalDate today) throws FeedException {
        List<Series> read = new ArrayList<>();
        for (byte[] document : fetched.documents()) {
            read.add(ICalendarImport.read(new ByteArrayInputStream(document), fetched.charset(), settings.mapping(),
                    today));
        }
        return read;
    }
}
