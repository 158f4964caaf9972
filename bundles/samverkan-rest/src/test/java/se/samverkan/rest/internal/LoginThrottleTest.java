package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.testing.MovableClock;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(1), Duration.ofSeconds(900),
            Duration.ofHours(1), clock);

    @Test
    void theWaitDoublesAfterTheFreeFailuresUpToTheLongest() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            assertTrue(throttle.check("admin", "10.0.0.1").allowed(), "attempt " + (i + 1) + " after its wait");
            Duration delay = throttle.failed("admin", "10.0.0.1").delay();
            delays.add(delay.toSeconds());
            clock.advance(delay);
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L), delays);
    }

    @Test
    void whileHeldBackNothingIsAllowedAndTheVerdictSaysWhy() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        LoginThrottle.Verdict v = throttle.check("ADMIN", "10.0.0.2");
        assertFalse(v.allowed(), "user names are compared without case");
        assertEquals("user", v.heldBack());
        assertEquals(Duration.ofSeconds(1), v.retryAfter());
        assertEquals("address", throttle.check("anna", "10.0.0.1").heldBack());
        assertTrue(throttle.check("anna", "10.0.0.2").allowed());
    }

    @Test
    void aSuccessOrAnHourWithoutFailuresStartsOver() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        throttle.succeeded("admin", "10.0.0.1");
        assertEquals(1, throttle.failed("admin", "10.0.0.1").userFailures());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(new LoginThrottle.Failure(1, 1, Duration.ZERO), throttle.failed("admin", "10.0.0.1"));
    }
}
