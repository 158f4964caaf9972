package se.samverkan.calendar;

import java.util.List;

/** What one feed gave: the events that became activities, and the events that were rejected. */
public record ParsedFeed(List<ImportedEvent> events, List<RejectedEvent> rejected) {

    public ParsedFeed {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
    }
}
