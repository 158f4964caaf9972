package se.samverkan.shell;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

public final class Occurrences {

    private Occurrences() {
    }

    /**
     * The earliest occurrence that starts at or after {@code now} and is not cancelled; occurrences may be stored in
     * any order. One without a status counts as scheduled, since cancelling is the only other state.
     */
    public static Optional<Occurrence> next(List<Occurrence> occurrences, Instant now) {
        if (occurrences == null) {
            return Optional.empty();
        }
        return occurrences.stream()
                .filter(o -> o.status() != OccurrenceStatus.CANCELLED)
                .filter(o -> !o.start().toInstant().isBefore(now))
                .min(Comparator.comparing(Occurrence::start));
    }
}
