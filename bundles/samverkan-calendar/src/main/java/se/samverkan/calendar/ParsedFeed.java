package se.samverkan.calendar;

import java.util.List;

/**
 * What one feed gave: the events that became activities, the events that were rejected, and the UIDs of events
 * that started before the window and have no occurrence in it. Those are still in the feed: what was stored of them
 * is history (or their next occurrence is beyond the horizon), to be kept as it is, not taken as gone.
 * {@code warnings} name what was taken, but not quite as the feed said (a guessed charset, a capped recurrence):
 * the feed's owner should hear of them.
 */
public record ParsedFeed(List<ImportedEvent> events, List<RejectedEvent> rejected, List<String> past,
                         List<String> warnings) {

    public ParsedFeed {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
        past = List.copyOf(past);
        warnings = List.copyOf(warnings);
    }

    public ParsedFeed(List<ImportedEvent> events, List<RejectedEvent> rejected) {
        this(events, rejected, List.of(), List.of());
    }

    /** Parts of one read as one, in their order. */
    public static ParsedFeed join(List<ParsedFeed> parts) {
        return new ParsedFeed(parts.stream().flatMap(p -> p.events().stream()).toList(),
                parts.stream().flatMap(p -> p.rejected().stream()).toList(),
                parts.stream().flatMap(p -> p.past().stream()).toList(),
                parts.stream().flatMap(p -> p.warnings().stream()).toList());
    }
}
