package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.subscription.DigestService.DigestRun;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.subscription.SubscriptionService.Landing;
import se.samverkan.api.testing.InMemoryDrafts;
import se.samverkan.api.testing.InMemoryQuarantine;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.api.util.Sha256;
import se.samverkan.mail.internal.ActivityChange.Kind;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.JobStatus;

/**
 * Subscriptions, notices, digests and inbound mail against a real SMTP and IMAP server (GreenMail, in-process),
 * through the real Camel routes: every mail a test looks at was sent over SMTP and read back as the recipient gets it.
 */
class SubscriptionMailTest {

    private static final String PUBLIC_URL = "https://samverkan.example.se/api/v1";
    private static final Pattern CONFIRM_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL)
            + "/subscriptions/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");
    /** A course a partner mails in: within the calendar import's window whenever the test runs. */
    private static final OffsetDateTime MAILED_COURSE = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)
            .truncatedTo(ChronoUnit.HOURS);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final int smtpPort = MailSenderTest.freePort();
    private final int imapPort = MailSenderTest.freePort();
    private final InMemoryServices services = new InMemoryServices();
    private final InMemoryMailQueue queue = new InMemoryMailQueue();
    private final InMemorySubscriptions store = new InMemorySubscriptions();
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
    private final InMemoryDrafts drafts = new InMemoryDrafts(services.activities);
    private GreenMail mailServer;
    private DefaultCamelContext camel;
    private Mailings mailings;
    private SubscriptionServiceImpl subscriptions;
    private Notifier notifier;

    @BeforeEach
    void setUp() throws Exception {
        mailServer = new GreenMail(new ServerSetup[]{new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mailServer.start();
        services.municipalities.seed(new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true),
                new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
        services.organisations.seed(new Organisation("support-group-network", "Support Group Network",
                        OrganisationKind.ASSOCIATION, null, Set.of("1487", "1488")),
                new Organisation("ikc-vanersborg", "Interkulturellt Center Vänersborg", OrganisationKind.ASSOCIATION,
                        null, Set.of("1487")));
        mailings = new Mailings(PUBLIC_URL, Duration.ofHours(72), store,
                code -> services.municipalities.find(code).map(Municipality::name).orElse(code));
        subscriptions = new SubscriptionServiceImpl(mailings, store, queue, Clock.systemUTC());
        notifier = new Notifier(mailings, store, store, services.activities, queue, Clock.systemUTC(),
                Duration.ofMillis(100), Duration.ofHours(1), DayOfWeek.MONDAY, LocalTime.of(7, 0));
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new MailSender(new MailSettings("127.0.0.1", smtpPort, "", "", false,
                "Samverkan <noreply@samverkan.test>", Duration.ofMillis(50), 50, 5, Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofDays(30)), queue, Clock.systemUTC()));
        camel.addRoutes(notifier);
    }

    @AfterEach
    void tearDown() {
        camel.stop();
        mailServer.stop();
    }

    @Test
    void doubleOptInByTheRealMailAndOneClickUnsubscribeByItsHeader() throws Exception {
        subscriptions.subscribe(" Nyckelperson@Example.se ", "ar", new SubscriptionFilter(Set.of("1487"), Set.of("ar"),
                Set.of()), "rest 192.0.2.7");
        subscriptions.subscribe("nyckelperson@example.se", "ar", new SubscriptionFilter(Set.of("1487"), Set.of("ar"),
                Set.of()), "rest 192.0.2.7");
        MimeMessage confirmation = awaitMail("nyckelperson@example.se", 1).get(0);
        assertEquals(1, store.list(null).size(), "asking twice is one subscription");
        assertEquals(Subscription.State.PENDING, store.list(null).get(0).state());
        assertEquals("<confirm-1@samverkan>", confirmation.getMessageID());
        assertEquals("أكِّد اشتراكك في سامفيركان", confirmation.getSubject());
        assertTrue(html(confirmation).contains("<html lang=\"ar\" dir=\"rtl\">"), html(confirmation));

        // Nothing but the confirmation before consent: a cancellation finds no confirmed subscriber.
        Activity swimming = services.activities.create(Caller.SYSTEM, activity("simkurs", "1487", "ar"));
        store.changed("simkurs", 1L, Kind.CANCELLED, START, START, Instant.now());
        MailSenderTest.await(() -> store.awaitingNotices(10).isEmpty(), "the change was handled");
        assertEquals(1, received("nyckelperson@example.se").size());

        Matcher link = CONFIRM_LINK.matcher(text(confirmation));
        assertTrue(link.find(), text(confirmation));
        assertFalse(store.keepsInClear(link.group(1)), "tokens are kept as hashes only");
        Landing confirmPage = subscriptions.confirmPage(link.group(1));
        assertEquals(200, confirmPage.status());
        assertTrue(confirmPage.html().contains("dir=\"rtl\"") && confirmPage.html().contains(
                "<form method=\"post\" action=\"" + link.group() + "\"") && confirmPage.html().contains(
                "نعم، أريد هذه الرسائل"), "a GET shows an Arabic button that posts to the link: " + confirmPage.html());
        assertEquals(Subscription.State.PENDING, store.list(null).get(0).state(),
                "following the link alone (a mail scanner does) confirms nothing");
        Landing confirmed = subscriptions.confirm(link.group(1), "rest 192.0.2.8");
        assertEquals(200, confirmed.status());
        assertTrue(confirmed.html().contains("dir=\"rtl\"") && confirmed.html().contains("شكراً لك"), confirmed.html());
        Subscription s = store.list(null).get(0);
        assertEquals(Subscription.State.CONFIRMED, s.state());
        assertEquals("rest 192.0.2.8", s.confirmedFrom());

        // Now a cancellation reaches the subscriber; its List-Unsubscribe URL unsubscribes in one click.
        store.changed("simkurs", swimming.occurrences().get(0).id(), Kind.CANCELLED, START, START,
                Instant.now().plusSeconds(1));
        MimeMessage notice = awaitMail("nyckelperson@example.se", 2).get(1);
        assertTrue(notice.getSubject().contains("دورة سباحة"), "the Arabic title: " + notice.getSubject());
        String header = notice.getHeader("List-Unsubscribe", null);
        assertEquals("List-Unsubscribe=One-Click", notice.getHeader("List-Unsubscribe-Post", null));
        Matcher token = TOKEN.matcher(header);
        assertTrue(header.startsWith("<" + PUBLIC_URL + "/subscriptions/unsubscribe?token=") && token.find(), header);
        assertTrue(text(notice).contains(header.substring(1, header.length() - 1)), "the link is in the text as well");
        Landing page = subscriptions.unsubscribePage(token.group(1));
        assertTrue(page.html().contains("<form method=\"post\""), "a GET shows a button and changes nothing");
        assertEquals(Subscription.State.CONFIRMED, store.list(null).get(0).state());
        assertEquals(200, subscriptions.unsubscribe(token.group(1), "one-click 192.0.2.9").status());
        assertEquals(Subscription.State.UNSUBSCRIBED, store.list(null).get(0).state());
        assertEquals(404, subscriptions.confirm(link.group(1), "again").status(),
                "the confirmation link does not bring consent back");
        assertEquals(404, subscriptions.confirmPage(link.group(1)).status());
        assertEquals(404, subscriptions.confirmPage("no-such-token").status());
        assertEquals(404, subscriptions.unsubscribePage("no-such-token").status());

        store.changed("simkurs", swimming.occurrences().get(0).id(), Kind.MOVED, START, START.plusHours(1),
                Instant.now().plusSeconds(2));
        MailSenderTest.await(() -> store.awaitingNotices(10).isEmpty(), "the change was handled");
        Thread.sleep(300); // a few more sender polls
        assertEquals(2, received("nyckelperson@example.se").size(), "nothing after unsubscribing");
    }

    @Test
    void aNoticeOfAMovedOccurrenceGoesOnlyToMatchingSubscribersInTheirLanguage() throws Exception {
        Subscription vanersborg = confirmed("anna@example.se", "sv", new SubscriptionFilter(Set.of("1487"), Set.of(),
                Set.of()));
        confirmed("omar@example.se", "en", new SubscriptionFilter(Set.of("1488"), Set.of(), Set.of()));
        Activity a = services.activities.create(Caller.SYSTEM, activity("simkurs", "1487", "sv"));
        Long occurrence = a.occurrences().get(0).id();
        store.changed("simkurs", occurrence, Kind.MOVED, START, START.plusDays(1), Instant.now().plusSeconds(1));
        MimeMessage m = awaitMail("anna@example.se", 1).get(0);
        assertEquals("<notice-" + vanersborg.id() + "-1@samverkan>", m.getMessageID());
        assertEquals("Ändrat: Simkurs för kvinnor", m.getSubject());
        assertTrue(text(m).contains("flyttat"), text(m));
        assertTrue(html(m).contains("<html lang=\"sv\" dir=\"ltr\">"));
        Thread.sleep(300);
        assertEquals(List.of(), received("omar@example.se"), "Trollhättan's subscriber hears nothing of Vänersborg");
    }

    @Test
    void theChangesToOneActivityFoundTogetherAreOneNotice() {
        Subscription s = confirmed("anna@example.se", "sv", SubscriptionFilter.ANY);
        Activity a = activity("simkurs", "1487", "sv");
        Instant at = Instant.now();
        OutgoingMail notice = mailings.notice(s, a, List.of(
                new ActivityChange(7, "simkurs", 1L, Kind.CANCELLED, START, START, null, at, null),
                new ActivityChange(8, "simkurs", 2L, Kind.CANCELLED, START.plusWeeks(1), START.plusWeeks(1), null, at,
                        null)));
        assertEquals("notice-" + s.id() + "-7", notice.idempotencyKey());
        assertEquals(2, notice.text().split("är inställt", -1).length - 1, notice.text());
        assertEquals(2, notice.html().split("är inställt", -1).length - 1, notice.html());
    }

    @Test
    void theWeeklyDigestComesInSwedishEnglishAndArabicOnceAWeek() throws Exception {
        Subscription sv = confirmed("anna@example.se", "sv", SubscriptionFilter.ANY);
        confirmed("john@example.se", "en", SubscriptionFilter.ANY);
        confirmed("layla@example.se", "ar", new SubscriptionFilter(Set.of(), Set.of("ar"), Set.of()));
        confirmed("bo@example.se", "sv", new SubscriptionFilter(Set.of(), Set.of(), Set.of(ActivityCategory.CYCLING)));
        services.activities.create(Caller.SYSTEM, activity("simkurs", "1487", "ar"));
        services.activities.create(Caller.SYSTEM, activity("sprakcafe", "1488", "sv"));
        // A digest takes what was written until a minute before it runs.
        store.changed("simkurs", null, Kind.CREATED, null, null, Instant.now().minusSeconds(90));
        store.changed("sprakcafe", null, Kind.CREATED, null, null, Instant.now().minusSeconds(90));

        Caller coordinator = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1487"));
        assertThrows(AccessDeniedException.class, () -> notifier.sendNow(coordinator));
        DigestRun run = notifier.sendNow(Caller.fromRoleNames("anna", List.of("admin")));
        assertEquals(List.of("anna SEND digest " + run.week()), store.digestsAsked, "asked for: in the audit log");
        assertEquals(4, run.subscriptions());
        assertEquals(3, run.queued());
        assertEquals(1, run.withoutNews(), "no mail without news");
        MimeMessage swedish = awaitMail("anna@example.se", 1).get(0);
        MimeMessage english = awaitMail("john@example.se", 1).get(0);
        MimeMessage arabic = awaitMail("layla@example.se", 1).get(0);
        assertEquals("<digest-" + sv.id() + "-" + run.week() + "@samverkan>", swedish.getMessageID());
        assertTrue(swedish.getSubject().startsWith("Samverkan: 2 nya aktiviteter vecka "), swedish.getSubject());
        assertTrue(text(swedish).contains("Simkurs för kvinnor") && text(swedish).contains("Vänersborg"));
        assertTrue(html(swedish).contains("<html lang=\"sv\" dir=\"ltr\">"));
        assertTrue(text(english).contains("Swimming for women"), "the English title where there is one");
        assertTrue(text(english).contains("Språkcafé"), "else the Swedish one");
        assertTrue(html(english).contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(arabic.getSubject().contains("سامفيركان"), arabic.getSubject());
        assertTrue(html(arabic).contains("<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(html(arabic).contains("دورة سباحة للنساء"));
        assertFalse(text(arabic).contains("Språkcafé"), "held in Swedish only: not in the Arabic filter");
        for (MimeMessage m : List.of(swedish, english, arabic)) {
            assertTrue(m.isMimeType("multipart/alternative"));
            Multipart parts = (Multipart) m.getContent();
            assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
            assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("charset=utf-8"));
            assertNotNull(m.getHeader("List-Unsubscribe", null));
            assertTrue(html(m).contains("/subscriptions/unsubscribe?token="), "the link is in the HTML part too");
        }

        // What is new after this week's digest is in next week's, even if the digest is run again this week.
        services.activities.create(Caller.SYSTEM, activity("sprakcafe-2", "1488", "sv"));
        store.changed("sprakcafe-2", null, Kind.CREATED, null, null, Instant.now().minusSeconds(30));
        assertEquals(0, notifier.sendNow().queued(), "a second run of the week sends nothing twice");
        assertFalse(notifier.digestDue(), "the week's run is recorded");
        Thread.sleep(300);
        assertEquals(1, received("anna@example.se").size());
        assertEquals(List.of(), received("bo@example.se"));
        Notifier nextWeek = new Notifier(mailings, store, store, services.activities, queue,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(7)), Duration.ofMillis(100), Duration.ofHours(1),
                DayOfWeek.MONDAY, LocalTime.of(7, 0));
        assertEquals(2, nextWeek.sendNow().queued(), "the Swedish and English subscriptions that take any activity");
        assertTrue(text(awaitMail("anna@example.se", 2).get(1)).contains("Simkurs för kvinnor"),
                "the activity written after the first digest");
    }

    @Test
    void aFridayDigestIsDueFromFridayAtItsTimeAndNotOnTheMondayBefore() {
        assertFalse(fridayDigest("2026-11-23T00:30:00+01:00").digestDue(), "Monday: last Friday's slot is last week's");
        assertFalse(fridayDigest("2026-11-27T06:59:00+01:00").digestDue());
        assertTrue(fridayDigest("2026-11-27T07:00:00+01:00").digestDue());
        assertTrue(fridayDigest("2026-11-29T23:00:00+01:00").digestDue(), "later in the week, if it has not run");
    }

    private Notifier fridayDigest(String at) {
        return new Notifier(mailings, store, store, services.activities, queue,
                Clock.fixed(java.time.OffsetDateTime.parse(at).toInstant(), Activity.ZONE), Duration.ofMillis(100),
                Duration.ofHours(1), DayOfWeek.FRIDAY, LocalTime.of(7, 0));
    }

    @Test
    void aMailWithAnIcsAttachmentBecomesADraftAndAnUnknownSenderIsQuarantined() throws Exception {
        GreenMailUser inbox = mailServer.setUser("kurser@samverkan.test", "kurser", "hemligt");
        camel.addRoutes(new InboundMail(inbound("info@ikc-vanersborg.se=ikc-vanersborg, "
                + "@sgn.example=support-group-network:1488"), drafts, services.organisations, quarantine));

        inbox.deliver(withIcs("info@ikc-vanersborg.se", "<ics-1@ikc-vanersborg.se>"));
        inbox.deliver(plain("Kontakt@SGN.example", "<plain-1@sgn.example>", "Cykelkurs för vuxna",
                "Vi lär ut cykling på lördagar, start 5 december kl 10."));
        inbox.deliver(plain("okand@example.com", "<spam-1@example.com>", "Köp nu", "Erbjudande"));

        MailSenderTest.await(() -> drafts.list(Caller.SYSTEM, null).size() == 2
                && quarantine.list(DraftIntake.SOURCE, true).size() == 1, "three mails handled");
        List<Draft> all = drafts.list(Caller.SYSTEM, null);
        assertEquals(2, all.size());
        Draft fromIcs = all.stream().filter(d -> d.sender().equals("info@ikc-vanersborg.se")).findFirst().orElseThrow();
        assertEquals("1487", fromIcs.municipalityCode(), "the organisation's only municipality");
        assertEquals("Simkurs för kvinnor", fromIcs.activity().title().get("sv"));
        assertEquals(MAILED_COURSE.toInstant(), fromIcs.activity().occurrences().get(0).start().toInstant());
        assertEquals(List.of("ikc-vanersborg"), fromIcs.activity().organiserIds());
        Draft plain = all.stream().filter(d -> d.sender().equals("kontakt@sgn.example")).findFirst().orElseThrow();
        assertEquals("1488", plain.municipalityCode(), "the municipality the sender entry names");
        assertEquals("Cykelkurs för vuxna", plain.activity().title().get("sv"));
        assertTrue(plain.activity().description().get("sv").startsWith("Vi lär ut cykling"));
        Quarantined q = quarantine.list(DraftIntake.SOURCE, true).get(0);
        assertEquals("<spam-1@example.com>", q.key());
        assertTrue(q.reason().contains("unknown sender okand@example.com"), q.reason());
        assertTrue(q.raw().contains("Erbjudande"), "the mail is kept, not lost");
        InboundMail sameSenders = new InboundMail(inbound("info@ikc-vanersborg.se=ikc-vanersborg"), drafts,
                services.organisations, quarantine);
        assertTrue(sameSenders.replay(q).startsWith("unknown sender okand@example.com"), "still unknown: stays");
        InboundMail senderAdded = new InboundMail(inbound("okand@example.com=support-group-network:1488"), drafts,
                services.organisations, quarantine);
        assertEquals(null, senderAdded.replay(q), "taken from its quarantined text once the sender is known");
        assertEquals("Köp nu", drafts.list(Caller.SYSTEM, null).get(0).subject());

        MailSenderTest.await(() -> seenCount() == 3, "every mail is marked seen");
        Caller vanersborg = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
        assertEquals(List.of(fromIcs.id()), drafts.list(vanersborg, null).stream().map(Draft::id).toList(),
                "a coordinator sees only the drafts of their municipality");
        drafts.approve(vanersborg, fromIcs.id());
        assertTrue(services.activities.find(fromIcs.activity().id()).isPresent());
    }

    @Test
    void theMailboxIsTheImportJobMailInboundWhoseRunReadsItAtOnce() throws Exception {
        GreenMailUser inbox = mailServer.setUser("kurser@samverkan.test", "kurser", "hemligt");
        InboundMail mailbox = new InboundMail(inbound("@sgn.example=support-group-network:1488", "127.0.0.1", 3600),
                drafts, services.organisations, quarantine);
        inbox.deliver(plain("kontakt@sgn.example", "<cykel-1@sgn.example>", "Cykelkurs", "På lördagar."));
        camel.addRoutes(mailbox);
        // The route's first read, a second after it starts; the next one is an hour later.
        MailSenderTest.await(() -> mailbox.status().lastRun() != null, "the first read is a run: it found mail");
        assertEquals(new Counts(1, 0, 0, 0, 0), mailbox.status().lastRun().counts());

        inbox.deliver(plain("kontakt@sgn.example", "<cykel-2@sgn.example>", "Simkurs", "På söndagar."));
        inbox.deliver(plain("okand@example.com", "<spam-2@example.com>", "Köp nu", "Erbjudande"));
        JobStatus now = mailbox.run();
        assertEquals(List.of("mail:inbound", "mail", "imap://127.0.0.1:" + imapPort + "/INBOX", "every 1 h", "mail:inbound"),
                List.of(now.id(), now.kind(), now.source(), now.schedule(), now.quarantineSource()));
        assertEquals(Outcome.OK, now.lastRun().outcome());
        assertEquals(new Counts(1, 0, 0, 0, 1), now.lastRun().counts(), "a draft, and the stranger's mail quarantined");
        assertEquals(3, drafts.list(Caller.SYSTEM, null).size() + quarantine.list(DraftIntake.SOURCE, true).size());

        InboundMail off = new InboundMail(inbound("", "", 60), drafts, services.organisations, quarantine);
        assertEquals("off", off.status().schedule());
        assertThrows(ConflictException.class, off::run);
    }

    @Test
    void aMailThatCannotBeHandledIsQuarantinedAndMarkedSeenInsteadOfBlockingTheMailbox() throws Exception {
        GreenMailUser inbox = mailServer.setUser("kurser@samverkan.test", "kurser", "hemligt");
        String overlong = "<" + "x".repeat(1200) + "@sgn.example>";
        // As the database would: keys longer than their VARCHAR(1000) columns and an unexpected failure are refused.
        InMemoryDrafts columns = new InMemoryDrafts(services.activities) {
            @Override
            public synchronized Draft add(String sourceKey, String sender, String subject, String municipalityCode,
                                          String organisationId, Activity activity) {
                if (sourceKey.length() > 1000 || subject.equals("Krasch")) {
                    throw new IllegalStateException("cannot store draft " + subject);
                }
                return super.add(sourceKey, sender, subject, municipalityCode, organisationId, activity);
            }
        };
        camel.addRoutes(new InboundMail(inbound("@sgn.example=support-group-network:1488"), columns,
                services.organisations, quarantine));

        inbox.deliver(plain("kontakt@sgn.example", overlong, "Cykelkurs", "Vi lär ut cykling på lördagar."));
        inbox.deliver(plain("okand@example.com", overlong.replace("sgn", "spam"), "Köp nu", "Erbjudande"));
        inbox.deliver(plain("kontakt@sgn.example", "<krasch-1@sgn.example>", "Krasch", "Ett fel i ett program."));

        MailSenderTest.await(() -> seenCount() == 3, "every mail is marked seen, none is read again and again");
        assertEquals(List.of("Cykelkurs"), columns.list(Caller.SYSTEM, null).stream().map(Draft::subject).toList());
        assertTrue(columns.list(Caller.SYSTEM, null).get(0).sourceKey().length() <= 1000, "the long key is hashed");
        List<Quarantined> kept = quarantine.list(DraftIntake.SOURCE, true);
        assertEquals(2, kept.size(), kept.toString());
        Quarantined unknown = kept.stream().filter(q -> q.raw().contains("Erbjudande")).findFirst().orElseThrow();
        assertEquals(Sha256.hex(overlong.replace("sgn", "spam")), unknown.key());
        Quarantined failed = kept.stream().filter(q -> q.key().equals("<krasch-1@sgn.example>")).findFirst()
                .orElseThrow();
        assertTrue(failed.reason().contains("cannot store draft Krasch"), failed.reason());
        assertTrue(failed.raw().contains("Ett fel i ett program"), "the whole mail is kept");
    }

    private int seenCount() {
        Properties p = new Properties();
        try {
            Store imap = Session.getInstance(p).getStore("imap");
            imap.connect("127.0.0.1", imapPort, "kurser", "hemligt");
            try {
                Folder folder = imap.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                int seen = 0;
                for (Message m : folder.getMessages()) {
                    seen += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
                }
                folder.close(false);
                return seen;
            } finally {
                imap.close();
            }
        } catch (Exception e) {
            return -1;
        }
    }

    private Subscription confirmed(String email, String language, SubscriptionFilter filter) {
        Subscription s = store.request(email, language, filter, "test", Instant.now()).subscription();
        return store.confirm(s.id(), "test", Instant.now());
    }

    private static Activity activity(String id, String municipality, String language) {
        Map<String, String> title = "sprakcafe".equals(id) ? Map.of("sv", "Språkcafé")
                : Map.of("sv", "Simkurs för kvinnor", "en", "Swimming for women", "ar", "دورة سباحة للنساء");
        return new Activity(id, title, Map.of("sv", "Lär dig simma i lugn och ro."), ActivityCategory.SWIMMING,
                FocusArea.HEALTH, Set.of(), Set.of(language), municipality, List.of("support-group-network"), null,
                null, null, 12, BigDecimal.ZERO,
                new ArrayList<>(List.of(new Occurrence(1L, START.plusYears(1), START.plusYears(1).plusMinutes(90),
                        OccurrenceStatus.SCHEDULED))));
    }

    private static MimeMessage withIcs(String from, String messageId) throws Exception {
        MimeMessage m = message(from, messageId, "Ny simkurs i december");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hej! Här är vår nya kurs.", "UTF-8");
        MimeBodyPart ics = new MimeBodyPart();
        ics.setContent(String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//IKC//Kurser//SV",
                "BEGIN:VEVENT", "UID:simkurs-2026@ikc-vanersborg.se", "DTSTAMP:20261120T120000Z",
                "DTSTART:" + ICS_UTC.format(MAILED_COURSE), "DTEND:" + ICS_UTC.format(MAILED_COURSE.plusMinutes(90)),
                "SUMMARY;LANGUAGE=sv:Simkurs för kvinnor",
                "DESCRIPTION:Lär dig simma.", "END:VEVENT", "END:VCALENDAR", ""), "text/calendar; charset=UTF-8");
        ics.setFileName("simkurs.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text);
        mixed.addBodyPart(ics);
        m.setContent(mixed);
        m.saveChanges();
        m.setHeader("Message-ID", messageId);
        return m;
    }

    private static MimeMessage plain(String from, String messageId, String subject, String body) throws Exception {
        MimeMessage m = message(from, messageId, subject);
        m.setText(body, "UTF-8");
        m.saveChanges();
        m.setHeader("Message-ID", messageId);
        return m;
    }

    private static MimeMessage message(String from, String messageId, String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, "kurser@samverkan.test");
        m.setSubject(subject, "UTF-8");
        return m;
    }

    private InboundConfig inbound(String senders) {
        return inbound(senders, "127.0.0.1", 1);
    }

    private InboundConfig inbound(String senders, String host, long pollSeconds) {
        int port = imapPort;
        return new InboundConfig() {
            @Override public Class<? extends Annotation> annotationType() { return InboundConfig.class; }
            @Override public String host() { return host; }
            @Override public int port() { return port; }
            @Override public boolean ssl() { return false; }
            @Override public String username() { return "kurser"; }
            @Override public String password() { return "hemligt"; }
            @Override public String folder() { return "INBOX"; }
            @Override public String moveTo() { return ""; }
            @Override public long pollSeconds() { return pollSeconds; }
            @Override public String senders() { return senders; }
        };
    }

    private List<MimeMessage> received(String to) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : mailServer.getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(to)) {
                result.add(m);
            }
        }
        return result;
    }

    private List<MimeMessage> awaitMail(String to, int count) throws Exception {
        MailSenderTest.await(() -> {
            try {
                return received(to).size() >= count;
            } catch (Exception e) {
                return false;
            }
        }, count + " mails to " + to);
        return received(to);
    }

    private static String text(MimeMessage m) throws Exception {
        return part(m, 0);
    }

    private static String html(MimeMessage m) throws Exception {
        return part(m, 1);
    }

    private static String part(MimeMessage m, int index) throws Exception {
        Part p = ((Multipart) m.getContent()).getBodyPart(index);
        return ((String) p.getContent()).replace("\r\n", "\n");
    }
}
