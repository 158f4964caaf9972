package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** Last-Modified of the subscribable calendars, for clients that send If-Modified-Since rather than a tag. */
class CalendarResourceTest {

    @Test
    void aCalendarIsModifiedWhenItsContentChangesAndOnlyThen() {
        CalendarResource.Versions versions = new CalendarResource.Versions();
        Instant first = versions.since("1471", "a");
        assertEquals(first, versions.since("1471", "a"), "the same content keeps its date");
        Instant second = versions.since("1471", "b");
        assertTrue(second.isAfter(first), "new content is dated after the old, even within the same second");
        assertTrue(versions.since("1471", "a").isAfter(second), "and so is a return to an earlier content");
        assertEquals(versions.since("1485", "a"), versions.since("1485", "a"), "each calendar on its own");
    }

    @Test
    void ifModifiedSinceIsAnHttpDateAtOrAfterTheLastModification() {
        Date modified = Date.from(Instant.parse("2026-12-01T09:00:00Z"));
        assertTrue(CalendarResource.notModifiedSince("Tue, 01 Dec 2026 09:00:00 GMT", modified));
        assertTrue(CalendarResource.notModifiedSince(DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.parse("2026-12-02T00:00:00Z").atOffset(ZoneOffset.UTC)), modified));
        assertFalse(CalendarResource.notModifiedSince("Tue, 01 Dec 2026 08:59:59 GMT", modified));
        assertFalse(CalendarResource.notModifiedSince("yesterday", modified), "an unreadable date is left out");
        assertFalse(CalendarResource.notModifiedSince(null, modified));
    }
}
