package se.samverkan.mail.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.model.Activity;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.subscription.DigestService;
import se.samverkan.api.subscription.Subscription;

/**
 * Reads the activity change log for subscribers: notices of moved and cancelled occurrences soon after the change
 * (route {@code subscription-notices}), and the weekly digest of new activities (route
 * {@code subscription-digest}, checking the schedule of {@code etc/se.samverkan.mail.subscriptions.cfg}; or
 * {@link #sendNow(Caller)} from the console). Only CONFIRMED subscriptions get mail. Every mail is queued with a key
 * of subscription and change ({@code notice-S-C}) or week ({@code digest-S-2026-W48}) before the change or the
 * subscription is marked, so a crash in between, or a second run, queues nothing twice.
 */
@Component(service = {RoutesBuilder.class, DigestService.class},
        configurationPid = {SubscriptionConfig.PID, SubscriptionConfig.FORMER_PID},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Notifier extends RouteBuilder implements DigestService {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final int NOTICE_BATCH = 100;
    /** What a first digest covers: the week before the subscription was confirmed. */
    private static final Duration FIRST_DIGEST_BACK = Duration.ofDays(7);
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final Mailings mailings;
    private final SubscriptionStore store;
    private final ActivityChangeLog changes;
    private final ActivityService activities;
    private final MailQueue mail;
    private final Clock clock;
    private final Duration noticeEvery;
    private final Duration digestCheckEvery;
    private final DayOfWeek digestDay;
    private final LocalTime digestTime;

    @Activate
    public Notifier(SubscriptionConfig config, @Reference SubscriptionStore store, @Reference ActivityChangeLog changes,
                    @Reference ActivityService activities, @Reference MunicipalityService municipalities,
                    @Reference MailQueue mail) {
        this(Mailings.of(config, store, municipalities), store, changes, activities, mail, Clock.systemUTC(), Duration.ofSeconds(config.noticeSeconds()),
                Duration.ofSeconds(config.digestCheckSeconds()),
                DayOfWeek.valueOf(config.digestDay().strip().toUpperCase(Locale.ROOT)),
                LocalTime.parse(config.digestTime().strip()));
    }

    Notifier(Mailings mailings, SubscriptionStore store, ActivityChangeLog changes, ActivityService activities,
             MailQueue mail, Clock clock, Duration noticeEvery, Duration digestCheckEvery, DayOfWeek digestDay,
             LocalTime digestTime) {
        this.mailings = mailings;
        this.store = store;
        this.changes = changes;
        this.activities = activities;
        this.mail = mail;
        this.clock = clock;
        this.noticeEvery = noticeEvery;
        this.digestCheckEvery = digestCheckEvery;
        this.digestDay = digestDay;
        this.digestTime = digestTime;
    }

    @Override
    public void configure() {
        from("timer:samverkan-notices?period=" + noticeEvery.toMillis())
                .routeId("subscription-notices")
                .process(e -> e.getMessage().setBody(noticesNow()));
        from("timer:samverkan-digest?period=" + digestCheckEvery.toMillis())
                .routeId("subscription-digest")
                .filter(e -> digestDue())
                .process(e -> e.getMessage().setBody(sendNow()));
    }

    /** Queues the notices of the changes not handled yet; returns how many mails were queued. */
    int noticesNow() {
        int queued = 0;
        List<ActivityChange> batch = changes.awaitingNotices(NOTICE_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Subscription> confirmed = store.list(Subscription.State.CONFIRMED);
        Map<String, List<ActivityChange>> byActivity = new LinkedHashMap<>();
        batch.forEach(c -> byActivity.computeIfAbsent(c.activityId(), id -> new ArrayList<>()).add(c));
        for (List<ActivityChange> together : byActivity.values()) {
            Optional<Activity> activity = activities.find(together.get(0).activityId());
            if (activity.isPresent()) {
                for (Subscription s : confirmed) {
                    // Only what changed after the subscriber consented.
                    List<ActivityChange> since = together.stream()
                            .filter(c -> !s.confirmedAt().isAfter(c.changedAt())).toList();
                    if (!since.isEmpty() && s.filter().matches(activity.get())) {
                        mail.queue(mailings.notice(s, activity.get(), since));
                        queued++;
                    }
                }
            }
            together.forEach(c -> changes.noticesQueued(c.id(), clock.instant()));
        }
        LOG.info("Subscription notices: {} changes, {} mails queued", batch.size(), queued);
        return queued;
    }

    boolean digestDue() {
        ZonedDateTime now = clock.instant().atZone(Activity.ZONE);
        // The slot of this ISO week, so a day other than Monday does not fall in the week before.
        ZonedDateTime slot = now.with(ChronoField.DAY_OF_WEEK, digestDay.getValue()).with(digestTime);
        return !now.isBefore(slot) && !store.digestRan(week(now));
    }

    /**
     * Queues the digests of the week. A subscription that has had this week's digest is left for next week, with
     * what it has not been sent yet. Activities are taken up to a minute ago: a write that began earlier may still
     * be committing, and on databases that do not make readers wait its rows would be missed for good.
     */
    @Override
    public DigestRun sendNow(Caller caller) {
        AccessPolicy.checkAdmin(caller, "send the digest");
        DigestRun run = sendNow();
        store.digestAsked(run.week(), caller.user(), clock.instant());
        return run;
    }

    /** One run, for the schedule and for {@link #sendNow(Caller)}. */
    synchronized DigestRun sendNow() {
        Instant now = clock.instant();
        Instant upTo = now.minus(SETTLE);
        String week = week(now.atZone(Activity.ZONE));
        List<Subscription> confirmed = store.list(Subscription.State.CONFIRMED);
        Instant earliest = confirmed.stream().map(this::since).min(Instant::compareTo).orElse(upTo);
        List<ActivityChange> created = changes.created(earliest, upTo);
        Map<String, Optional<Activity>> byId = new HashMap<>();
        int queued = 0;
        int withoutNews = 0;
        for (Subscription s : confirmed) {
            if (s.lastDigestAt() != null && week(s.lastDigestAt().plus(SETTLE).atZone(Activity.ZONE)).equals(week)) {
                continue; // had this week's digest (an earlier run): what is new since waits for next week's
            }
            Instant since = since(s);
            List<Activity> news = new ArrayList<>();
            for (ActivityChange c : created) {
                if (c.changedAt().isAfter(since)) {
                    byId.computeIfAbsent(c.activityId(), activities::find)
                            .filter(a -> s.filter().matches(a) && !news.contains(a)).ifPresent(news::add);
                }
            }
            if (news.isEmpty()) {
                withoutNews++;
                continue;
            }
            mail.queue(mailings.digest(s, week, news));
            store.digestQueued(s.id(), upTo);
            queued++;
        }
        store.digestRunDone(week, now);
        LOG.info("Digest {}: {} confirmed subscriptions, {} digests queued, {} without news", week, confirmed.size(),
                queued, withoutNews);
        return new DigestRun(week, confirmed.size(), queued, withoutNews);
    }

    private Instant since(Subscription s) {
        return s.lastDigestAt() != null ? s.lastDigestAt() : s.confirmedAt().minus(FIRST_DIGEST_BACK);
    }

    /** The ISO week, e.g. {@code 2026-W48}. */
    static String week(ZonedDateTime time) {
        return String.format("%d-W%02d", time.get(IsoFields.WEEK_BASED_YEAR), time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
