package se.samverkan.itests;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waiting for what the platform does in the background (a route reads a feed, a mail goes out, a plugin is
 * applied): one polling loop for every test, in the Pax Exam container and outside it, so a test that waits too
 * long says what it waited for and what it saw instead.
 */
final class Await {

    /** Long enough for a busy build machine; a condition that holds ends the wait at once. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 250;

    /** A look at the platform; it may throw while what it looks at is not there yet. */
    @FunctionalInterface
    interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Holds for a value that is there: neither null nor false. */
    static boolean present(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /**
     * Looks until the value it sees is accepted, and returns that value. An exception from a look counts as not
     * yet; an {@link AssertionError} ends the wait at once.
     *
     * @throws AssertionError naming what was awaited and the last value seen (or the last exception, as its cause)
     */
    static <T> T await(String description, Duration timeout, Probe<T> probe, Predicate<? super T> accepted)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = null;
            Exception failure = null;
            try {
                value = probe.get();
                if (accepted.test(value)) {
                    return value;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Awaited " + timeout.toSeconds() + " s for " + description + "; last seen: "
                        + (failure != null ? failure : value), failure);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
