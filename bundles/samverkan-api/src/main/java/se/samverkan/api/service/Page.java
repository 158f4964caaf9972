package se.samverkan.api.service;

import java.util.List;

/** One page of results; {@code hasMore} tells whether a next page exists (no total count: it would cost a scan). */
public record Page<T>(List<T> items, int offset, int limit, boolean hasMore) {
}
