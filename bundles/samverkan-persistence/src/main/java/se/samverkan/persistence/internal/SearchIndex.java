package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.Venue;
import se.samverkan.api.service.ActivityQuery;

/**
 * What activity search filters on, held in memory: one small entry per activity in id order, a word index
 * for free text, venue accessibility and the inactive municipalities. The database stays the source of
 * truth: the index is built from it at start and the services update it after each committed write.
 *
 * <p>Why not SQL: measured on Derby with 100 000 activities, the optimizer turns the language, date, venue and
 * free-text conditions (semi-joins) into table scans, hash joins and sorts of 0.4–12 s per page, whatever the
 * indexes; here a page costs well under a millisecond (see BENCHMARKS.md). One index per JVM: a cluster of
 * several Samverkan nodes on one server database would need the writes broadcast.
 */
@Component(service = SearchIndex.class)
public class SearchIndex {

    /**
     * What the index keeps of an activity.
     *
     * @param starts epoch seconds of the occurrences' starts, scheduled or cancelled, sorted
     */
    record Entry(String id, String municipality, ActivityCategory category, FocusArea focus, String venueId,
                         Set<String> languages, Set<String> organisers, long[] starts, String[] tokens) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, Entry> activities = new TreeMap<>();
    private static final Comparator<Entry> BY_ID = Comparator.comparing(Entry::id);

    /** Word → the activities whose texts contain it, in id order; words sorted so that a prefix is a sub-map. */
    private final NavigableMap<String, NavigableSet<Entry>> words = new TreeMap<>();
    /** Filter value (e.g. "category:SWIMMING") → the activities that have it, in id order. */
    private final Map<String, NavigableSet<Entry>> facets = new HashMap<>();
    private final Map<String, Set<AccessibilityFeature>> venues = new HashMap<>();
    private final Set<String> inactiveMunicipalities = new HashSet<>();
    /** Records of uninstalled plugins (see {@link Contributions}): kept, but out of search. */
    private Set<String> suspendedActivities = Set.of();

    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    /** Reads what search needs of venues and municipalities; the activities come with {@link #load}. */
    @Activate
    public SearchIndex(@Reference Schema schema) throws SQLException {
        load(schema.dataSource());
    }

    /**
     * Replaces the activities with those the activity service reads from the database at its start (it owns their
     * mapping, see {@link ActivityServiceImpl}).
     *
     * @param start when the read began, for the log
     */
    void load(Collection<Entry> stored, long start) {
        write(() -> {
            activities.clear();
            words.clear();
            facets.clear();
            stored.forEach(this::addEntry);
        });
        LOG.log(System.Logger.Level.INFO, "Search index: {0} activities, {1} words, built in {2} ms",
                activities.size(), words.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The ids of one page of matches in id order, plus one more if there is a next page. */
    public List<String> search(ActivityQuery q) {
        // Bounds are Swedish calendar days; 'to' is inclusive, so the search ends where the next day starts.
        long from = q.from() == null ? Long.MIN_VALUE : q.from().atStartOfDay(Activity.ZONE).toEpochSecond();
        long to = q.to() == null ? Long.MAX_VALUE : q.to().plusDays(1).atStartOfDay(Activity.ZONE).toEpochSecond();
        lock.readLock().lock();
        try {
            List<String> page = new ArrayList<>();
            int skipped = 0;
            for (Entry e : candidates(q)) {
                if (!matches(e, q, from, to)) {
                    continue;
                }
                if (skipped < q.offset()) {
                    skipped++;
                } else {
                    page.add(e.id());
                    if (page.size() > q.limit()) {
                        break;
                    }
                }
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    void put(Activity a) {
        putAll(List.of(a));
    }

    /**
     * Takes many activities. Their entries are built before the lock is taken, and it is taken for one entry at a
     * time, so a search or a writer asking {@link #holds} waits for one entry, not for the whole batch.
     */
    void putAll(Collection<Activity> saved) {
        saved.stream().map(SearchIndex::entry).toList().forEach(e -> write(() -> {
            removeEntry(e.id());
            addEntry(e);
        }));
    }

    private static Entry entry(Activity a) {
        return entry(a.id(), a.municipalityCode(), a.category(), a.focusArea(), a.venueId(), a.languages(),
                a.organiserIds(), a.occurrences(), Stream.concat(values(a.title()), values(a.description())).toList());
    }

    /** @param texts the titles and descriptions in every language */
    static Entry entry(String id, String municipality, ActivityCategory category, FocusArea focus, String venueId,
                       Collection<String> languages, Collection<String> organisers, Collection<Occurrence> occurrences,
                       Collection<String> texts) {
        return new Entry(id, municipality, category, focus, venueId, languages == null ? Set.of() : Set.copyOf(languages),
                organisers == null ? Set.of() : Set.copyOf(organisers), starts(occurrences),
                Tokens.of(texts).toArray(String[]::new));
    }

    /** Whether the index has the activity, searchable or not. */
    boolean holds(String id) {
        lock.readLock().lock();
        try {
            return activities.containsKey(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    void removeActivity(String id) {
        write(() -> removeEntry(id));
    }

    void put(Venue v) {
        Set<AccessibilityFeature> features = v.accessibility() == null || v.accessibility().isEmpty()
                ? EnumSet.noneOf(AccessibilityFeature.class) : EnumSet.copyOf(v.accessibility());
        write(() -> venues.put(v.id(), features));
    }

    void removeVenue(String id) {
        write(() -> venues.remove(id));
    }

    void put(Municipality m) {
        write(() -> {
            if (m.active()) {
                inactiveMunicipalities.remove(m.code());
            } else {
                inactiveMunicipalities.add(m.code());
            }
        });
    }

    void suspend(Set<String> activityIds) {
        write(() -> suspendedActivities = Set.copyOf(activityIds));
    }

    void removeMunicipality(String code) {
        write(() -> inactiveMunicipalities.remove(code));
    }

    /**
     * The activities worth checking, in id order and lazily, so a page stops the work early: all of them, or
     * those of the most selective part of the query. A free-text word is the union of its matching words'
     * postings; a filter value is one facet. The rest of the query is checked by {@link #matches}, the other
     * words here.
     */
    private Iterable<Entry> candidates(ActivityQuery q) {
        List<Collection<NavigableSet<Entry>>> parts = new ArrayList<>();
        for (String word : Tokens.words(q.text())) {
            parts.add(words.subMap(word, true, word + Character.MAX_VALUE, true).values());
        }
        int wordCount = parts.size();
        List<String> keys = facetKeys(q.municipalityCode(), q.category(), q.focusArea(), q.language());
        if (q.organisationId() != null) {
            keys.add("organiser:" + q.organisationId());
        }
        keys.forEach(key -> parts.add(List.of(facets.getOrDefault(key, Collections.emptyNavigableSet()))));
        if (parts.isEmpty()) {
            return activities.values();
        }
        Collection<NavigableSet<Entry>> driver = parts.stream()
                .min(Comparator.comparingLong(p -> p.stream().mapToLong(Set::size).sum())).orElseThrow();
        List<Collection<NavigableSet<Entry>>> otherWords = parts.subList(0, wordCount).stream()
                .filter(p -> p != driver).toList();
        if (driver.size() == 1 && otherWords.isEmpty()) {
            return driver.iterator().next();
        }
        Predicate<Entry> hasOtherWords = e -> otherWords.stream()
                .allMatch(postings -> postings.stream().anyMatch(entries -> entries.contains(e)));
        return () -> new Merge(driver, hasOtherWords);
    }

    /** The facets a query's filters (or an activity's values) fall in; nulls are left out. */
    private static List<String> facetKeys(String municipality, ActivityCategory category, FocusArea focus,
                                          String language) {
        List<String> keys = new ArrayList<>();
        if (municipality != null) {
            keys.add("municipality:" + municipality);
        }
        if (category != null) {
            keys.add("category:" + category);
        }
        if (focus != null) {
            keys.add("focus:" + focus);
        }
        if (language != null) {
            keys.add("language:" + language);
        }
        return keys;
    }

    private static List<String> facetKeys(Entry e) {
        List<String> keys = facetKeys(e.municipality(), e.category(), e.focus(), null);
        e.languages().forEach(l -> keys.add("language:" + l));
        e.organisers().forEach(o -> keys.add("organiser:" + o));
        return keys;
    }

    /** The union of sets sorted by id, in order and without repeats, keeping what the filter accepts. */
    private static final class Merge implements Iterator<Entry> {
        private final PriorityQueue<PeekingIterator> queue = new PriorityQueue<>((a, b) -> BY_ID.compare(a.head, b.head));
        private final Predicate<Entry> filter;
        private Entry next;

        Merge(Collection<NavigableSet<Entry>> sets, Predicate<Entry> filter) {
            sets.forEach(set -> {
                Iterator<Entry> it = set.iterator();
                if (it.hasNext()) {
                    queue.add(new PeekingIterator(it));
                }
            });
            this.filter = filter;
            advance();
        }

        private void advance() {
            next = null;
            Entry last = null;
            while (!queue.isEmpty() && next == null) {
                PeekingIterator smallest = queue.poll();
                Entry id = smallest.head;
                if (smallest.advance()) {
                    queue.add(smallest);
                }
                if (id != last && filter.test(id)) {
                    next = id;
                }
                last = id;
                while (!queue.isEmpty() && queue.peek().head == id) {
                    PeekingIterator same = queue.poll();
                    if (same.advance()) {
                        queue.add(same);
                    }
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Entry result = next;
            advance();
            return result;
        }
    }

    private static final class PeekingIterator {
        private final Iterator<Entry> it;
        private Entry head;

        PeekingIterator(Iterator<Entry> it) {
            this.it = it;
            this.head = it.next();
        }

        boolean advance() {
            if (it.hasNext()) {
                head = it.next();
                return true;
            }
            return false;
        }
    }

    private boolean matches(Entry e, ActivityQuery q, long from, long to) {
        return !inactiveMunicipalities.contains(e.municipality())
                && !suspendedActivities.contains(e.id())
                && (q.municipalityCode() == null || q.municipalityCode().equals(e.municipality()))
                && (q.category() == null || q.category() == e.category())
                && (q.focusArea() == null || q.focusArea() == e.focus())
                && (q.language() == null || e.languages().contains(q.language()))
                && (q.accessibility() == null || e.venueId() != null
                        && venues.getOrDefault(e.venueId(), Set.of()).contains(q.accessibility()))
                && (q.from() == null && q.to() == null || startsWithin(e.starts(), from, to));
    }

    private static boolean startsWithin(long[] starts, long from, long to) {
        int i = Arrays.binarySearch(starts, from);
        int first = i >= 0 ? i : -i - 1;
        return first < starts.length && starts[first] < to;
    }

    private void addEntry(Entry e) {
        for (int i = 0; i < e.tokens().length; i++) {
            String word = e.tokens()[i];
            NavigableSet<Entry> entries = words.get(word);
            if (entries == null) {
                entries = new TreeSet<>(BY_ID);
                words.put(word, entries);
            } else {
                e.tokens()[i] = words.ceilingKey(word);  // share one String per word
            }
            entries.add(e);
        }
        facetKeys(e).forEach(key -> facets.computeIfAbsent(key, k -> new TreeSet<>(BY_ID)).add(e));
        activities.put(e.id(), e);
    }

    private void removeEntry(String id) {
        Entry old = activities.remove(id);
        if (old == null) {
            return;
        }
        for (String word : old.tokens()) {
            Set<Entry> entries = words.get(word);
            if (entries != null && entries.remove(old) && entries.isEmpty()) {
                words.remove(word);
            }
        }
        for (String key : facetKeys(old)) {
            Set<Entry> entries = facets.get(key);
            if (entries != null && entries.remove(old) && entries.isEmpty()) {
                facets.remove(key);
            }
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What search needs of other records than activities, read with a few streaming queries. */
    private void load(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MappedScan.each(c, "SELECT code FROM municipality WHERE active = FALSE",
                    rs -> inactiveMunicipalities.add(rs.getString(1)));
            MappedScan.each(c, "SELECT venue_id, feature FROM venue_accessibility", rs -> venues
                    .computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(AccessibilityFeature.class))
                    .add(AccessibilityFeature.valueOf(rs.getString(2))));
        }
    }

    private static Stream<String> values(Map<String, String> texts) {
        return texts == null ? Stream.empty() : texts.values().stream();
    }

    /**
     * Cancelled occurrences count: a search by date, and the calendar export, must still show an activity whose
     * occurrences were all cancelled, with its occurrences marked so, or nobody learns of the cancellation.
     */
    private static long[] starts(Collection<Occurrence> occurrences) {
        return occurrences == null ? new long[0]
                : occurrences.stream().mapToLong(o -> o.start().toEpochSecond()).sorted().toArray();
    }
}
