package se.samverkan.feeds.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.calendar.ICalendarImport.Series;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.calendar.RejectedEvent;
import se.samverkan.routes.ActivityUpsert;
import se.samverkan.routes.ActivityUpsert.Incoming;
import se.samverkan.routes.ActivityUpsert.Known;
import se.samverkan.routes.ActivityUpsert.Result;

/**
 * Stores what one read of a feed brought, keyed by event UID, through the platform's one {@link ActivityUpsert}
 * with the feed store as its ledger: a new event is created, a changed one updated in place, an unchanged one costs
 * nothing (its fingerprint is compared, not the stored activity), an event gone from the feed has its occurrences
 * cancelled, and every event the mapping or the services refused is quarantined with its reason and raw text.
 * Nothing is deleted because a read failed: this only runs on a feed that was read and parsed.
 */
final class FeedImporter {

    private final String feedId;
    private final FeedStore store;
    private final QuarantineService quarantine;
    private final ActivityUpsert upsert;

    FeedImporter(String feedId, ActivityService activities, FeedStore store, QuarantineService quarantine) {
        this.feedId = feedId;
        this.store = store;
        this.quarantine = quarantine;
        // Writes appear in the audit log as made by the feed.
        this.upsert = new ActivityUpsert(activities, quarantine, source(),
                Caller.fromRoleNames(source(), List.of("admin")));
    }

    String source() {
        return Feed.jobId(feedId);
    }

    /**
     * Series mapped per part: the first part is small, since storing waits for it to be mapped; each part after it
     * is twice as large, up to {@link #MAX_PART}, since every part ends with a wait for the search index.
     */
    static final int FIRST_PART = 500;
    static final int MAX_PART = 4000;

    /**
     * Stores a whole read of the feed (one series per document), mapping each part on another thread while the
     * part before it is stored, so that mapping and writing use both cores. Only one part is mapped ahead. The
     * same thread records each stored part's events (feed store, quarantine) while the next part is written.
     * Parts are cut across the documents: a folder of many small files is a few parts, not one each.
     */
    Outcome apply(List<Series> documents) {
        List<Supplier<Part>> parts = new ArrayList<>();
        ParsedFeed heads = ParsedFeed.join(documents.stream().map(Series::head).toList());
        List<Slice> slices = new ArrayList<>();
        int size = FIRST_PART;
        int filled = 0;
        for (Series series : documents) {
            for (int from = 0; from < series.size(); ) {
                int to = Math.min(series.size(), from + size - filled);
                slices.add(new Slice(series, from, to));
                filled += to - from;
                from = to;
                if (filled == size) {
                    parts.add(part(slices, parts.isEmpty() ? heads : null));
                    slices = new ArrayList<>();
                    filled = 0;
                    size = Math.min(MAX_PART, size * 2);
                }
            }
        }
        if (!slices.isEmpty() || parts.isEmpty()) {
            parts.add(part(slices, parts.isEmpty() ? heads : null));
        }
        ExecutorService mapper = Executors.newSingleThreadExecutor(r -> new Thread(r, "samverkan-feed-" + feedId));
        try {
            return apply(new Ahead(parts, mapper), true, mapper);
        } finally {
            mapper.shutdownNow();
        }
    }

    /** Series {@code from} (inclusive) to {@code to} (exclusive) of one document. */
    private record Slice(Series series, int from, int to) {
    }

    /** @param heads what belongs to the documents rather than their series (the first part has it), else null */
    private static Supplier<Part> part(List<Slice> slices, ParsedFeed heads) {
        return () -> {
            List<ParsedFeed> mapped = new ArrayList<>();
            if (heads != null) {
                mapped.add(heads);
            }
            slices.forEach(slice -> mapped.add(slice.series().map(slice.from(), slice.to())));
            return Part.of(ParsedFeed.join(mapped));
        };
    }

    /** What a read did, and what it took but not as the feed said it ({@link ParsedFeed#warnings()}). */
    record Outcome(RunCounts counts, List<String> warnings) {
    }

    /**
     * @param whole the read was the whole feed, so events missing from it are gone; false for one replayed event
     */
    Outcome apply(ParsedFeed parsed, boolean whole) {
        return apply(List.of(Part.of(parsed)).iterator(), whole, Runnable::run);
    }

    /** A part of a read, as items with their fingerprints, made where it is mapped: hashing is a tenth of an import. */
    private record Part(ParsedFeed feed, List<Incoming> items) {
        static Part of(ParsedFeed feed) {
            return new Part(feed, feed.events().parallelStream()
                    .map(e -> new Incoming(e.uid(), e.activity(), e.raw())).toList());
        }
    }

    /** @param recorder where a stored part's events are recorded, in order; all are when this returns */
    private Outcome apply(Iterator<Part> parts, boolean whole, Executor recorder) {
        Map<String, Known> stored = store.events(feedId);
        Set<String> seen = new HashSet<>();
        List<RejectedEvent> refused = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);
        Map<ActivityUpsert.Outcome, Integer> counts = new EnumMap<>(ActivityUpsert.Outcome.class);
        try {
            // A part that could not be recorded stops the run: what was stored after it would not be recorded either.
            while (parts.hasNext() && !recorded.isCompletedExceptionally()) {
                Part part = parts.next();
                refused.addAll(part.feed().rejected());
                warnings.addAll(part.feed().warnings());
                // Still in the feed, with every occurrence before the window: kept as stored, not gone.
                seen.addAll(part.feed().past());
                part.items().forEach(item -> seen.add(item.key()));
                List<Known> taken = new ArrayList<>();
                for (Result result : upsert.upsert(part.items(), stored)) {
                    counts.merge(result.outcome(), 1, Integer::sum);
                    if (result.outcome() == ActivityUpsert.Outcome.CREATED
                            || result.outcome() == ActivityUpsert.Outcome.UPDATED) {
                        taken.add(result.known());
                    }
                }
                // A run cut off later keeps what was recorded; a stored activity not recorded is updated next time.
                if (!taken.isEmpty()) {
                    recorded = recorded.thenRunAsync(() -> {
                        store.saveEvents(feedId, taken);
                        quarantine.discard(source(), taken.stream().map(Known::key).toList());
                    }, recorder);
                }
            }
        } catch (RuntimeException e) {
            Throwable unrecorded = recorded.handle((ok, failure) -> failure).join();  // done, whatever it became
            if (unrecorded != null) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
        join(recorded);
        int rejected = counts.getOrDefault(ActivityUpsert.Outcome.REFUSED, 0);
        for (RejectedEvent bad : refused) {
            // A broken version of a known event keeps the last good one stored.
            seen.add(bad.uid());
            quarantine.add(source(), bad.uid() == null ? "(no UID)" : bad.uid(), bad.reason(), bad.raw());
            rejected++;
        }
        int removed = whole ? upsert.cancelGone(stored, seen, gone -> store.saveEvents(feedId, gone)) : 0;
        return new Outcome(new RunCounts(counts.getOrDefault(ActivityUpsert.Outcome.CREATED, 0),
                counts.getOrDefault(ActivityUpsert.Outcome.UPDATED, 0),
                counts.getOrDefault(ActivityUpsert.Outcome.UNCHANGED, 0), removed, rejected), warnings);
    }

    /** The future's result, or what failed it. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Hands out the parts in order; each is mapped on {@code mapper} while the one before it is stored. */
    private static final class Ahead implements Iterator<Part> {

        private final List<Supplier<Part>> parts;
        private final Executor mapper;
        private int next;
        private CompletableFuture<Part> coming;

        Ahead(List<Supplier<Part>> parts, Executor mapper) {
            this.parts = parts;
            this.mapper = mapper;
            this.coming = start();
        }

        private CompletableFuture<Part> start() {
            return next < parts.size() ? CompletableFuture.supplyAsync(parts.get(next++), mapper) : null;
        }

        @Override
        public boolean hasNext() {
            return coming != null;
        }

        @Override
        public Part next() {
            if (coming == null) {
                throw new NoSuchElementException();
            }
            Part part = join(coming);
            coming = start();
            return part;
        }
    }
}
