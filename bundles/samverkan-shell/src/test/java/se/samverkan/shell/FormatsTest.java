package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.OutcomeTarget;
import se.samverkan.api.model.OutcomeTarget.Outcome;
import se.samverkan.api.model.Period;
import se.samverkan.shell.Formats;

class FormatsTest {

    @Test
    void timesAreShownInSwedishTimeWinterAndSummer() {
        assertEquals("2025-01-15 18:00", Formats.dateTime(OffsetDateTime.parse("2025-01-15T17:00:00Z")));
        assertEquals("2025-07-01 18:30", Formats.dateTime(OffsetDateTime.parse("2025-07-01T16:30:00Z")));
        assertEquals("2025-07-01 18:30", Formats.dateTime(OffsetDateTime.parse("2025-07-01T12:30:00-04:00")));
    }

    @Test
    void periodsMayBeOpenAtEitherEnd() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertEquals("2024-01-01 to 2026-12-31", Formats.period(new Period(start, end)));
        assertEquals("from 2024-01-01", Formats.period(new Period(start, null)));
        assertEquals("until 2026-12-31", Formats.period(new Period(null, end)));
        assertEquals("", Formats.period(null));
    }

    @Test
    void targetsShowSignedPercentages() {
        List<OutcomeTarget> targets = List.of(new OutcomeTarget(Outcome.INTO_WORK, new BigDecimal("20")),
                new OutcomeTarget(Outcome.INTO_STUDIES, new BigDecimal("65.0")),
                new OutcomeTarget(Outcome.ON_SOCIAL_ASSISTANCE, new BigDecimal("-50")));
        assertEquals("work +20 %, studies +65 %, social assistance -50 %", Formats.targets(targets));
        assertEquals("", Formats.targets(null));
    }

    @Test
    void costIsFreeWhenZero() {
        assertEquals("free", Formats.sek(new BigDecimal("0.00")));
        assertEquals("150 SEK", Formats.sek(new BigDecimal("150.00")));
        assertEquals("", Formats.sek(null));
    }

    @Test
    void setsAreJoinedInSortedOrder() {
        assertEquals("ar, en, sv", Formats.join(Set.of("sv", "ar", "en")));
        assertEquals("", Formats.join(null));
    }

    @Test
    void enumLabelIsWhatTheOptionsAccept() {
        assertEquals("swedish_language_practice", Formats.label(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE));
        assertEquals("", Formats.label(null));
    }
}
