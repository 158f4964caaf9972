package se.samverkan.mail.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.derby.jdbc.EmbeddedDataSource;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.subscription.DigestService.DigestRun;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.persistence.internal.Schema;

/**
 * The digest figures of BENCHMARKS.md, in one JVM with the platform's real parts: the subscriptions, change log
 * and mail queue on an embedded Derby on disk (the real migrations and stores), the real digest run (templates,
 * a token per mail, one queued message each), and the real mail route (camel-mail) sending to a local SMTP
 * server that counts what it takes ({@link SmtpCounter}). It lives in the mail bundle's package to reach the constructors the unit tests use.
 * <p>System properties: bench.subscriptions (10000), bench.newActivities (40).
 */
public final class DigestBench {

    private static final String[] LANGUAGES = {"sv", "en", "ar"};
    private static final String[] MUNICIPALITIES = {"1487", "1488", "1471", "1485", "1882"};

    private DigestBench() {
    }

    public static void run(Path work) throws Exception {
        int subscriptions = Integer.getInteger("bench.subscriptions", 10_000);
        int newActivities = Integer.getInteger("bench.newActivities", 40);
        Files.createDirectories(work);
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(Files.createTempDirectory(work, "digest-").resolve("db").toString());
        db.setCreateDatabase("create");
        Schema schema = new Schema(db);
        SubscriptionStoreImpl store = new SubscriptionStoreImpl(schema);
        ActivityChangeLogImpl changes = new ActivityChangeLogImpl(schema);
        MailQueueImpl queue = new MailQueueImpl(schema);
        InMemoryServices services = new InMemoryServices();

        Instant now = Instant.now();
        long seeding = System.nanoTime();
        List<Activity> created = new ArrayList<>();
        for (int i = 0; i < newActivities; i++) {
            created.add(activity(i));
        }
        services.activities.seed(created.toArray(new Activity[0]));
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO activity_change (activity_id, kind, changed_at) VALUES (?, 'CREATED', ?)")) {
            for (Activity a : created) {
                p.setString(1, a.id());
                p.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(2))));
                p.executeUpdate();
            }
        }
        for (int i = 0; i < subscriptions; i++) {
            SubscriptionFilter filter = i % 4 == 0 ? SubscriptionFilter.ANY
                    : new SubscriptionFilter(Set.of(MUNICIPALITIES[i % MUNICIPALITIES.length]), Set.of(), Set.of());
            long id = store.request("key-person-" + i + "@example.se", LANGUAGES[i % 3], filter, "bench", now)
                    .subscription().id();
            store.confirm(id, "bench", now);
        }
        System.out.printf("%nSeeded %,d confirmed subscriptions (sv/en/ar, a municipality filter on three in four) "
                + "and %d new activities in %.1f s%n", subscriptions, newActivities, (System.nanoTime() - seeding) / 1e9);

        Mailings mailings = new Mailings("https://samverkan.example.se/api/v1", Duration.ofHours(72), store,
                code -> code);
        Notifier notifier = new Notifier(mailings, store, changes, services.activities, queue, Clock.systemUTC(),
                Duration.ofHours(1), Duration.ofHours(1), DayOfWeek.MONDAY, LocalTime.of(7, 0));
        long building = System.nanoTime();
        DigestRun run = notifier.sendNow();
        double buildSeconds = (System.nanoTime() - building) / 1e9;

        SmtpCounter smtp = new SmtpCounter();
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.start();
        long sending = System.nanoTime();
        camel.addRoutes(new MailSender(new MailSettings("127.0.0.1", smtp.port(), "", "", false,
                "Samverkan <noreply@samverkan.example.se>", Duration.ofMillis(10), 200, 8, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofDays(30)), queue, Clock.systemUTC()));
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (smtp.messages.get() < run.queued() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double sendSeconds = (System.nanoTime() - sending) / 1e9;
        long received = smtp.messages.get();
        camel.stop();
        smtp.close();

        System.out.println();
        System.out.println("| step | mails | time | mails/s |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| build and queue the digests (templates, token, outbox row) | %,d | %.1f s | %,.0f |%n",
                run.queued(), buildSeconds, run.queued() / buildSeconds);
        System.out.printf("| send them to a local SMTP server (mail-outbox route, camel-mail) | %,d%s | %.1f s | %,.0f |%n",
                received, received == run.queued() ? "" : " (not all)", sendSeconds, received / sendSeconds);
        System.out.printf("Digest run %s: %,d subscriptions, %,d without news; average message %,d bytes%n",
                run.week(), run.subscriptions(), run.withoutNews(), received == 0 ? 0 : smtp.bytes.get() / received);
    }

    private static Activity activity(int i) {
        OffsetDateTime start = OffsetDateTime.now(Activity.ZONE).plusDays(7 + i % 14).withHour(18).withMinute(0);
        return new Activity("bench-new-" + i, Map.of("sv", "Språkcafé " + i, "en", "Language café " + i,
                "ar", "مقهى اللغة " + i), Map.of("sv", "Prata svenska över en kopp kaffe, varje vecka.", "en",
                "Speak Swedish over a cup of coffee, every week."), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                FocusArea.SOCIAL, Set.of(), Set.of("sv", "ar"), MUNICIPALITIES[i % MUNICIPALITIES.length], List.of(),
                null, null, null, 20, BigDecimal.ZERO,
                List.of(new Occurrence((long) i, start, start.plusMinutes(90), OccurrenceStatus.SCHEDULED)));
    }
}
