package se.samverkan.persistence.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

/**
 * An activity's occurrences as the text of its {@code activity.sessions} column (schema V7; "occurrence" is the
 * platform's word, the column keeps its name): one occurrence per line, {@code id start end status}, times in epoch
 * seconds (UTC), status {@code S}cheduled or {@code C}ancelled, sorted by start. A weekly course imported from a
 * calendar has fifty occurrences a year; one column instead of a row each makes writing an activity one row, which is
 * most of what a feed's first import costs (see BENCHMARKS.md). Occurrence ids are unique within their activity; a
 * new occurrence gets the next id after the activity's highest.
 */
public final class StoredOccurrences {

    private static final Comparator<Occurrence> BY_START = Comparator.comparing(Occurrence::start)
            .thenComparing(Occurrence::end);

    private StoredOccurrences() {
    }

    /** @param occurrences with ids; written sorted by start */
    public static String encode(Collection<Occurrence> occurrences) {
        StringBuilder text = new StringBuilder(occurrences.size() * 30);
        for (Occurrence o : occurrences.stream().sorted(BY_START).toList()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(o.id()).append(' ').append(o.start().toEpochSecond()).append(' ')
                    .append(o.end().toEpochSecond()).append(' ')
                    .append(o.status() == OccurrenceStatus.CANCELLED ? 'C' : 'S');
        }
        return text.toString();
    }

    /** The occurrences in Stockholm time, sorted by start; none for null or empty text. */
    public static List<Occurrence> decode(String text) {
        List<Occurrence> occurrences = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return occurrences;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            occurrences.add(new Occurrence(Long.valueOf(f[0]), time(f[1]), time(f[2]),
                    "C".equals(f[3]) ? OccurrenceStatus.CANCELLED : OccurrenceStatus.SCHEDULED));
        }
        return occurrences;
    }

    /**
     * The occurrences to store for an activity: those whose id names a stored occurrence keep it; one without an id
     * that starts when a stored occurrence (not kept by another) starts is that occurrence and keeps its id; the
     * others get new ids after the highest stored one. A missing status is SCHEDULED.
     */
    static List<Occurrence> assignIds(List<Occurrence> stored, List<Occurrence> wanted) {
        long next = stored.stream().mapToLong(Occurrence::id).max().orElse(0);
        Set<Long> known = stored.stream().map(Occurrence::id).collect(Collectors.toSet());
        Long[] ids = new Long[wanted.size()];
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            // A stored occurrence's id is kept once; a second occurrence claiming it is a new one.
            Long id = wanted.get(i).id();
            ids[i] = id != null && known.contains(id) && taken.add(id) ? id : null;
        }
        // Imports (calendar feeds, course catalogues) send no ids: their occurrences are matched by start, so that
        // an occurrence keeps its id while its start stays (subscribers and attendance refer to it).
        Map<Instant, Deque<Long>> free = new HashMap<>();
        stored.stream().filter(o -> !taken.contains(o.id()))
                .forEach(o -> free.computeIfAbsent(o.start().toInstant(), s -> new ArrayDeque<>()).add(o.id()));
        for (int i = 0; i < ids.length; i++) {
            Occurrence o = wanted.get(i);
            if (ids[i] == null && o.id() == null) {
                Deque<Long> same = free.get(o.start().toInstant());
                ids[i] = same == null ? null : same.poll();
            }
        }
        List<Occurrence> result = new ArrayList<>(wanted.size());
        for (int i = 0; i < ids.length; i++) {
            Occurrence o = wanted.get(i);
            result.add(new Occurrence(ids[i] != null ? ids[i] : Long.valueOf(++next), o.start(), o.end(),
                    o.status() == null ? OccurrenceStatus.SCHEDULED : o.status()));
        }
        return result;
    }

    private static OffsetDateTime time(String epochSeconds) {
        return Instant.ofEpochSecond(Long.parseLong(epochSeconds)).atZone(Activity.ZONE).toOffsetDateTime();
    }
}
