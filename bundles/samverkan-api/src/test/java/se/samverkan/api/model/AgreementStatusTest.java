package se.samverkan.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgreementStatusTest {

    @ParameterizedTest
    @CsvSource({
        "DRAFT, DRAFT, true", "DRAFT, ACTIVE, true", "DRAFT, ENDED, true",
        "ACTIVE, DRAFT, false", "ACTIVE, ACTIVE, true", "ACTIVE, ENDED, true",
        "ENDED, DRAFT, false", "ENDED, ACTIVE, false", "ENDED, ENDED, true"
    })
    void onlyForwardTransitions(AgreementStatus from, AgreementStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @org.junit.jupiter.api.Test
    void countyCodeIsFirstTwoDigits() {
        assertEquals("14", new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true)
                .countyCode());
    }
}
