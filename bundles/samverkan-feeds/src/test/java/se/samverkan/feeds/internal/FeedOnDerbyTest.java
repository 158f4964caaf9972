package se.samverkan.feeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.persistence.internal.ActivityServiceImpl;
import se.samverkan.persistence.internal.Contributions;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.persistence.internal.MunicipalityServiceImpl;
import se.samverkan.persistence.internal.OrganisationServiceImpl;
import se.samverkan.persistence.internal.RecordHooks;
import se.samverkan.persistence.internal.SearchIndex;
import se.samverkan.routes.internal.ImportJobsImpl;
import se.samverkan.routes.internal.QuarantineImpl;

/** A feed stored by the real services on Derby: what only the database refuses, and failures of the store itself. */
class FeedOnDerbyTest {

    private static final String ID = "kyrkan";
    private static final Caller ADMIN = Caller.fromRoleNames("test", List.of("admin"));

    private final DerbyDatabase db = new DerbyDatabase();
    private final ActivityServiceImpl activities;
    private final FeedStoreImpl store = new FeedStoreImpl(db.schema);
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);

    @TempDir
    Path folder;

    FeedOnDerbyTest() throws Exception {
        SearchIndex index = new SearchIndex(db.schema);
        Contributions contributions = new Contributions(db.schema, index);
        new MunicipalityServiceImpl(db, contributions, index).create(ADMIN,
                new Municipality("1485", "Uddevalla", "Västra Götalands län", null, true));
        new OrganisationServiceImpl(db, contributions).create(ADMIN, new Organisation("dalabergskyrkan",
                "Dalabergskyrkan", OrganisationKind.ASSOCIATION, null, Set.of("1485")));
        activities = new ActivityServiceImpl(db, contributions, index, new RecordHooks());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEventTooLongToStoreIsQuarantinedWithItsReasonAndTheRestIsImported() throws Exception {
        write(event("kort", "Läxhjälp", "Kom och gör läxorna."),
                event("lang-titel", "Läxhjälp ".repeat(40), "Kom."),
                event("lang-beskrivning", "Språkcafé", "Fika och samtal. ".repeat(300)));
        Feed feed = feed();
        assertEquals(new RunCounts(1, 0, 0, 0, 2), feed.read());
        assertTrue(activities.find(ICalendarImport.activityId(ID, "kort")).isPresent());

        List<Quarantined> refused = quarantine.list("feed:" + ID, true);
        assertEquals(Set.of("lang-titel", "lang-beskrivning"), Set.of(refused.get(0).key(), refused.get(1).key()));
        for (Quarantined item : refused) {
            assertTrue(item.reason().contains("300") || item.reason().contains("4000") || item.reason().contains("4 000"),
                    item.reason());
            assertTrue(item.raw().contains("UID:" + item.key()), "with its text");
        }
        FeedStatus status = feed.feedStatus();
        assertEquals("OK", status.state());
        assertEquals(1, status.events());
    }

    @Test
    void anUpdatedEventsOccurrencesKeepTheirIdsWhileTheirStartsStay() throws Exception {
        write(event("kort", "Läxhjälp", "Kom och gör läxorna."));
        Feed feed = feed();
        feed.read();
        String id = ICalendarImport.activityId(ID, "kort");
        Long occurrence = activities.get(id).occurrences().get(0).id();

        write(event("kort", "Läxhjälp och fika", "Kom och gör läxorna."));
        assertEquals(new RunCounts(0, 1, 0, 0, 0), feed.read());
        assertEquals("Läxhjälp och fika", activities.get(id).title().get("sv"));
        assertEquals(occurrence, activities.get(id).occurrences().get(0).id());
    }

    @Test
    void aFailureOfTheStoreDuringARunIsRecordedOnTheFeed() throws Exception {
        // An event to quarantine, and a quarantine that cannot take it: its table is gone.
        write(event("kort", "Läxhjälp", "Kom och gör läxorna."),
                "BEGIN:VEVENT\r\nUID:trasig\r\nDTSTART:not-a-date\r\nSUMMARY:Trasig\r\nEND:VEVENT\r\n");
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE quarantine");
        }
        Feed feed = feed();
        Feed.UnavailableException e = assertThrows(Feed.UnavailableException.class, feed::read);
        FeedStatus status = feed.feedStatus();
        assertEquals("FAILING", status.state(), "not NEVER, and not a run still going on");
        assertTrue(status.lastError().startsWith("the read could not be stored: "), status.lastError());
        assertEquals(e.getMessage(), "calendar feed " + ID + ": " + status.lastError());
    }

    @Test
    void aSyncIsARunOfTheFeedsImportJobRefusedToANonAdministratorAndAudited() throws Exception {
        write(event("kort", "Läxhjälp", "Kom och gör läxorna."));
        ImportJobsImpl jobs = new ImportJobsImpl(quarantine, db.schema);
        Feeds feeds = new Feeds(jobs);
        Feed feed = feed();
        jobs.addJob(feed);
        feeds.addFeed(feed);

        Caller coordinator = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1485"));
        assertThrows(AccessDeniedException.class, () -> feeds.sync(coordinator, ID));
        assertEquals("NEVER", feeds.feed(ID).orElseThrow().state(), "refused: not read");

        FeedStatus synced = feeds.sync(Caller.fromRoleNames("anna", List.of("admin")), ID);
        assertEquals(new RunCounts(1, 0, 0, 0, 0), synced.lastRun());
        assertEquals(synced.lastSync(), jobs.job("feed:" + ID).orElseThrow().lastRun().started(), "one run, two views");
        assertEquals(List.of("feed:" + ID + " CREATE activity " + ICalendarImport.activityId(ID, "kort"),
                "anna RUN import_job feed:" + ID), db.auditLog().subList(2, 4), "the feed's write, then who ran it");
        assertThrows(NotFoundException.class, () -> feeds.sync(ADMIN, "okand"));
    }

    private Feed feed() {
        return new Feed(FeedSettings.of(Map.of("id", ID, "folder", folder.toString(), "organisation", "dalabergskyrkan",
                "municipality", "1485", "languages", "sv")), activities, store, quarantine);
    }

    private void write(String... events) throws Exception {
        Files.writeString(folder.resolve("kyrkan.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n");
    }

    private static String event(String uid, String summary, String description) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(Activity.ZONE).plusDays(7));
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTART;TZID=Europe/Stockholm:" + day + "T180000\r\n"
                + "DTEND;TZID=Europe/Stockholm:" + day + "T200000\r\nSUMMARY:" + summary + "\r\nDESCRIPTION:"
                + description + "\r\nEND:VEVENT\r\n";
    }
}
