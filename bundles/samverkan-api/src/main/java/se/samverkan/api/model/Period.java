package se.samverkan.api.model;

import java.time.LocalDate;

/** A date range, both ends inclusive; an open end is null. */
public record Period(LocalDate start, LocalDate end) {
}
