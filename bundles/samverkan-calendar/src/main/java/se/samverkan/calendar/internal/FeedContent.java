package se.samverkan.calendar.internal;

import java.util.List;

import net.fortuna.ical4j.data.ContentHandlerContext;

/** How ical4j reads feed content: properties the import never uses are skipped, so a broken one cannot fail an event. */
final class FeedContent {

    static final ContentHandlerContext CONTEXT = new ContentHandlerContext()
            .withIgnoredPropertyNames(List.of("ATTENDEE", "ORGANIZER", "ATTACH", "CONTACT", "GEO", "RELATED-TO",
                    "REQUEST-STATUS", "RESOURCES", "COMMENT", "PRIORITY", "CLASS", "TRANSP", "URL", "LOCATION",
                    "CREATED", "X-ALT-DESC"))
            .withSupressInvalidProperties(false);

    private FeedContent() {
    }
}
