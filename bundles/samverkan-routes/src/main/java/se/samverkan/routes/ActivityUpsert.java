package se.samverkan.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.EntityService.Saved;
import se.samverkan.api.util.Sha256;

/**
 * The one way an import stores activities that a source names by keys of its own (a feed's event UIDs, the ids a
 * route sends to {@code samverkan:activities}): an item equal to what is stored costs no write, the others are
 * saved in batches through {@link ActivityService#saveAll}, a refused one is quarantined with its reason and raw
 * text, and the activities of keys gone from the source have their occurrences cancelled (kept, so links and
 * history stay).
 *
 * <p>Equal is decided by the source's ledger when it keeps one ({@link Known}: the fingerprint of what it last
 * stored per key, as the feeds do), so an unchanged item costs neither a read nor a write; a source without one
 * (null) has each item compared with the stored activity, whose occurrences then keep their ids where the start is
 * the same. Not thread-safe: one import at a time per source.
 */
public final class ActivityUpsert {

    /**
     * An item of the source: its key there, the activity it maps to, the raw text to quarantine if refused, and the
     * activity's {@link #fingerprint} (made where the item is, so a source may make it on another thread; null from a
     * source without a ledger, which has no use for it).
     */
    public record Incoming(String key, Activity activity, String raw, String fingerprint) {

        public Incoming(String key, Activity activity, String raw) {
            this(key, activity, raw, ActivityUpsert.fingerprint(activity));
        }
    }

    /** What the source's ledger holds of a key: its activity, the fingerprint last stored, and whether it is gone. */
    public record Known(String key, String activityId, String fingerprint, boolean gone) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REFUSED }

    /**
     * What became of one item; {@code known} is what the ledger should now hold of it (null if refused).
     *
     * @param reason why it was refused (every invalid field named); null otherwise
     */
    public record Result(String key, String activityId, Outcome outcome, String reason, Known known) {
    }

    private final ActivityService activities;
    private final QuarantineService quarantine;
    private final String source;
    private final Caller caller;

    /**
     * @param quarantine where refused items go under {@code source}, or null when the caller reports them itself
     * @param caller     the writer, as the audit log shows it
     */
    public ActivityUpsert(ActivityService activities, QuarantineService quarantine, String source, Caller caller) {
        this.activities = Objects.requireNonNull(activities);
        this.quarantine = quarantine;
        this.source = source;
        this.caller = Objects.requireNonNull(caller);
    }

    /**
     * Stores the items, one result each, in order. A key sent twice is stored in the order sent.
     *
     * @param known the source's ledger by key, or null if it keeps none
     * @throws RuntimeException what the storage threw other than refusing a record; items before stay stored
     */
    public List<Result> upsert(List<Incoming> items, Map<String, Known> known) {
        Result[] results = new Result[items.size()];
        // What is saved: the items, with the ids of stored occurrences kept where compared with the stored activity.
        List<Incoming> toSave = new ArrayList<>(items);
        Map<String, Integer> batch = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Incoming item = items.get(i);
            if (item.key() != null && batch.containsKey(item.key())) {
                save(toSave, batch, results);
            }
            Known before = known == null || item.key() == null ? null : known.get(item.key());
            if (before != null && !before.gone() && before.fingerprint().equals(item.fingerprint())) {
                results[i] = new Result(item.key(), before.activityId(), Outcome.UNCHANGED, null, before);
                continue;
            }
            if (known == null && item.activity().id() != null) {
                Optional<Activity> stored = activities.find(item.activity().id());
                if (stored.isPresent() && sameContent(stored.get(), item.activity())) {
                    results[i] = new Result(item.key(), item.activity().id(), Outcome.UNCHANGED, null,
                            new Known(item.key(), item.activity().id(), item.fingerprint(), false));
                    continue;
                }
                if (stored.isPresent()) {
                    toSave.set(i, new Incoming(item.key(), keepOccurrenceIds(stored.get(), item.activity()),
                            item.raw(), item.fingerprint()));
                }
            }
            // Items without a key are told apart by their place, so none is merged with another.
            batch.put(item.key() == null ? "\u0000" + i : item.key(), i);
        }
        save(toSave, batch, results);
        return List.of(results);
    }

    /**
     * Cancels every occurrence of the activities whose keys the ledger holds but the source no longer sent, and
     * hands what the ledger should now hold of those keys to {@code record}. One that cannot be cancelled stays as
     * it is and fails the run after the others are recorded, so the error shows and the next run tries again.
     *
     * @return how many keys are gone now
     * @throws IllegalStateException naming the first activity that could not be cancelled
     */
    public int cancelGone(Map<String, Known> known, Set<String> seen, Consumer<List<Known>> record) {
        Map<String, Known> gone = new LinkedHashMap<>();
        known.values().stream().filter(k -> !k.gone() && !seen.contains(k.key()))
                .forEach(k -> gone.put(k.activityId(), k));
        List<Activity> cancelled = gone.keySet().stream().map(activities::find).flatMap(Optional::stream)
                .map(ActivityUpsert::cancelled).toList();
        List<Saved<Activity>> outcomes = activities.saveAll(caller, cancelled);
        outcomes.stream().filter(o -> o.error() != null).forEach(o -> gone.remove(o.id()));
        record.accept(gone.values().stream().map(k -> new Known(k.key(), k.activityId(), k.fingerprint(), true))
                .toList());
        outcomes.stream().filter(o -> o.error() != null).findFirst().ifPresent(o -> {
            throw new IllegalStateException("Cannot cancel the occurrences of " + o.id() + ", gone from " + source
                    + ": " + o.error().getMessage(), o.error());
        });
        return gone.size();
    }

    /**
     * Mapping is deterministic, so the same item read the same day gives the same fingerprint. Sets and maps are
     * written sorted: the iteration order of {@code Set.of} changes from one run of the JVM to the next, and a
     * restart must not make every item look changed. Ledgers store it, so its text must not change.
     */
    public static String fingerprint(Activity a) {
        List<Occurrence> occurrences = a.occurrences() == null ? List.of() : a.occurrences();
        StringBuilder text = new StringBuilder(256 + 48 * occurrences.size());
        append(text, a.id(), sorted(a.title()), sorted(a.description()), a.category(), a.focusArea(),
                sorted(a.targetGroups()), sorted(a.languages()), a.municipalityCode(), a.organiserIds(),
                a.agreementId(), a.programmeId(), a.venueId(), a.capacity(), a.costSek());
        for (Occurrence o : occurrences) {
            append(text, o.start(), o.end(), o.status());
        }
        return Sha256.hex(text.toString());
    }

    /** Equal as stored: absent and empty are the same, amounts by value, occurrences by instant. */
    private static boolean sameContent(Activity a, Activity b) {
        return Objects.equals(a.id(), b.id())
                && map(a.title()).equals(map(b.title()))
                && map(a.description()).equals(map(b.description()))
                && a.category() == b.category()
                && a.focusArea() == b.focusArea()
                && set(a.targetGroups()).equals(set(b.targetGroups()))
                && set(a.languages()).equals(set(b.languages()))
                && Objects.equals(a.municipalityCode(), b.municipalityCode())
                && organisers(a).equals(organisers(b))
                && Objects.equals(a.agreementId(), b.agreementId())
                && Objects.equals(a.programmeId(), b.programmeId())
                && Objects.equals(a.venueId(), b.venueId())
                && Objects.equals(a.capacity(), b.capacity())
                && sameAmount(a.costSek(), b.costSek())
                && instants(a).equals(instants(b));
    }

    /** Occurrences sent without an id take the id of the stored occurrence with the same start. */
    private static Activity keepOccurrenceIds(Activity stored, Activity incoming) {
        if (incoming.occurrences() == null || stored.occurrences() == null) {
            return incoming;
        }
        Map<Instant, Long> idByStart = new HashMap<>();
        stored.occurrences().stream().filter(o -> o.id() != null && o.start() != null)
                .forEach(o -> idByStart.putIfAbsent(o.start().toInstant(), o.id()));
        List<Occurrence> occurrences = new ArrayList<>();
        for (Occurrence o : incoming.occurrences()) {
            Long id = o.id() == null && o.start() != null ? idByStart.remove(o.start().toInstant()) : null;
            occurrences.add(id == null ? o : new Occurrence(id, o.start(), o.end(), o.status()));
        }
        return withOccurrences(incoming, occurrences);
    }

    private static Activity cancelled(Activity a) {
        return withOccurrences(a, a.occurrences().stream()
                .map(o -> new Occurrence(o.id(), o.start(), o.end(), OccurrenceStatus.CANCELLED)).toList());
    }

    private static Activity withOccurrences(Activity a, List<Occurrence> occurrences) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), occurrences);
    }

    /** Saves the batch's items (their places in {@code items}) in one call and fills in their results. */
    private void save(List<Incoming> items, Map<String, Integer> batch, Result[] results) {
        if (batch.isEmpty()) {
            return;
        }
        List<Integer> places = new ArrayList<>(batch.values());
        batch.clear();
        List<Saved<Activity>> outcomes = activities.saveAll(caller,
                places.stream().map(p -> items.get(p).activity()).toList());
        for (int i = 0; i < places.size(); i++) {
            Incoming item = items.get(places.get(i));
            Saved<Activity> saved = outcomes.get(i);
            if (saved.error() != null) {
                String reason = saved.error().getMessage();
                if (quarantine != null && item.raw() != null) {
                    quarantine.add(source, item.key() == null ? "(no key)" : item.key(), reason, item.raw());
                }
                results[places.get(i)] = new Result(item.key(), saved.id(), Outcome.REFUSED, reason, null);
            } else {
                results[places.get(i)] = new Result(item.key(), saved.id(),
                        saved.created() ? Outcome.CREATED : Outcome.UPDATED, null,
                        new Known(item.key(), saved.id(), item.fingerprint(), false));
            }
        }
    }

    private static void append(StringBuilder text, Object... values) {
        for (Object value : values) {
            text.append(value).append('\u001f');
        }
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return m == null ? Map.of() : new TreeMap<>(m);
    }

    private static Set<String> sorted(Collection<String> s) {
        return s == null ? Set.of() : new TreeSet<>(s);
    }

    private record Instants(Instant start, Instant end, OccurrenceStatus status) {
    }

    private static List<Instants> instants(Activity a) {
        if (a.occurrences() == null) {
            return List.of();
        }
        return a.occurrences().stream()
                .map(o -> new Instants(o.start() == null ? null : o.start().toInstant(),
                        o.end() == null ? null : o.end().toInstant(),
                        o.status() == null ? OccurrenceStatus.SCHEDULED : o.status()))
                .sorted(Comparator.comparing(Instants::start, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Instants::end, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Map<String, String> map(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    private static Set<String> set(Collection<String> s) {
        return s == null ? Set.of() : new HashSet<>(s);
    }

    private static List<String> organisers(Activity a) {
        return a.organiserIds() == null ? List.of() : a.organiserIds().stream().distinct().toList();
    }
}
