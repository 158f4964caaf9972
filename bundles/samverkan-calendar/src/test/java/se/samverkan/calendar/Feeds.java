package se.samverkan.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;

/** Fixtures and helpers shared by the calendar tests. */
final class Feeds {

    /** The day the tests import on: 2025-03-01, so the window runs from 2025-01-30. */
    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static final FeedMapping MAPPING = new FeedMapping("sv-orebro-kurser", "sv-orebro-lan", "1880", null,
            Set.of("sv", "ar"), "sv",
            Map.of("Språkcafé", ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, "jobb", ActivityCategory.JOB_SEEKER_GROUP,
                    "Simning", ActivityCategory.SWIMMING, "cykel", ActivityCategory.CYCLING,
                    "samhällsinformation", ActivityCategory.CIVIC_INFORMATION),
            ActivityCategory.CULTURE_MEETING, FocusArea.SOCIAL, 300);

    private Feeds() {
    }

    static ParsedFeed parse(String resource) {
        return parse(resource, MAPPING);
    }

    static ParsedFeed parse(String resource, FeedMapping mapping) {
        try (InputStream in = Feeds.class.getResourceAsStream("/feeds/" + resource)) {
            return ICalendarImport.parse(in, mapping, TODAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new AssertionError(e);
        }
    }

    static ParsedFeed parseText(String text) throws FeedException {
        return ICalendarImport.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), MAPPING, TODAY);
    }

    static ImportedEvent event(ParsedFeed feed, String uid) {
        return feed.events().stream().filter(e -> e.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid + " in " + feed.events().stream()
                        .map(ImportedEvent::uid).toList() + "; rejected: " + feed.rejected()));
    }

    static RejectedEvent rejected(ParsedFeed feed, String uid) {
        return feed.rejected().stream().filter(e -> uid.equals(e.uid())).findFirst()
                .orElseThrow(() -> new AssertionError("no rejected event " + uid + " in " + feed.rejected()));
    }

    static List<String> starts(Activity activity) {
        return activity.occurrences().stream().map(o -> o.start().toString()).toList();
    }

    static OffsetDateTime time(String text) {
        return OffsetDateTime.parse(text);
    }
}
