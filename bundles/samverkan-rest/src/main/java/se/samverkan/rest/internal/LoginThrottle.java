package se.samverkan.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per user name and per client address: after {@code freeFailures} failed logins
 * in a row, each further attempt must wait a delay that doubles with every failure (from {@code firstDelay} up to
 * {@code maxDelay}); while it runs, attempts are refused without looking at the password, so a guess cannot be
 * tested at all. A successful login clears its user and address; failures older than {@code forgetAfter} are
 * forgotten. Held in memory: a restart forgets it, and at most {@code MAX_KEYS} users and addresses are followed
 * (beyond, those not held back are dropped first).
 */
final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    /** Failures in a row of one user or address, and until when it is held back. */
    private record Failures(int count, Instant last, Instant heldUntil) {
    }

    /** Whether an attempt may go ahead, and if not, for how long it is held back. */
    record Verdict(boolean allowed, Duration retryAfter, String heldBack) {
    }

    /** What a failure did: the failures in a row of the user and of the address, and a delay it started, if any. */
    record Failure(int userFailures, int addressFailures, Duration delay) {
    }

    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, Clock clock) {
        if (freeFailures < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("login throttle: loginFreeFailures must be at least 1 and "
                    + "loginMaxDelaySeconds at least loginFirstDelaySeconds");
        }
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    Verdict check(String user, String address) {
        Instant now = clock.instant();
        Instant userHeld = heldUntil(userKey(user), now);
        Instant addressHeld = heldUntil(addressKey(address), now);
        Instant until = userHeld.isAfter(addressHeld) ? userHeld : addressHeld;
        if (!until.isAfter(now)) {
            return new Verdict(true, Duration.ZERO, null);
        }
        return new Verdict(false, Duration.between(now, until), userHeld.isAfter(now) ? "user" : "address");
    }

    Failure failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            prune(now);
        }
        Failures u = failures.compute(userKey(user), (k, f) -> next(f, now));
        Failures a = failures.compute(addressKey(address), (k, f) -> next(f, now));
        Instant held = u.heldUntil().isAfter(a.heldUntil()) ? u.heldUntil() : a.heldUntil();
        return new Failure(u.count(), a.count(), held.isAfter(now) ? Duration.between(now, held) : Duration.ZERO);
    }

    void succeeded(String user, String address) {
        failures.remove(userKey(user));
        failures.remove(addressKey(address));
    }

    private Failures next(Failures previous, Instant now) {
        int count = previous == null || previous.last().plus(forgetAfter).isBefore(now) ? 1 : previous.count() + 1;
        Duration delay = Duration.ZERO;
        if (count >= freeFailures) {
            int doublings = Math.min(count - freeFailures, 30);
            delay = firstDelay.multipliedBy(1L << doublings);
            if (delay.compareTo(maxDelay) > 0) {
                delay = maxDelay;
            }
        }
        return new Failures(count, now, now.plus(delay));
    }

    private Instant heldUntil(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || f.last().plus(forgetAfter).isBefore(now) ? Instant.MIN : f.heldUntil();
    }

    private void prune(Instant now) {
        failures.values().removeIf(f -> f.last().plus(forgetAfter).isBefore(now));
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> !f.heldUntil().isAfter(now));
        }
    }

    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
