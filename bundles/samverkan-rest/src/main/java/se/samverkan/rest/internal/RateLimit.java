package se.samverkan.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key in a fixed window (counted from a key's first event), in memory. At most
 * {@code MAX_KEYS} keys are followed; beyond, windows that have ended are dropped, then all.
 */
final class RateLimit {

    static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimit(int max, Duration window, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1, not " + max);
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event; @return zero if it is allowed, else how long until the key's window ends */
    Duration take(String key) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
            if (windows.size() >= MAX_KEYS) {
                windows.clear();
            }
        }
        Window w = windows.compute(key, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), Math.min(old.count() + 1, max + 1)));
        return w.count() <= max ? Duration.ZERO : Duration.between(now, w.start().plus(window));
    }
}
