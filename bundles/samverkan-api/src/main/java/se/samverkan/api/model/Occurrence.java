package se.samverkan.api.model;

import java.time.OffsetDateTime;

/**
 * One occurrence of an activity. Times are instants; the platform presents them in Europe/Stockholm
 * (see {@link se.samverkan.api.model.Activity#ZONE}).
 */
public record Occurrence(Long id, OffsetDateTime start, OffsetDateTime end, OccurrenceStatus status) {
}
