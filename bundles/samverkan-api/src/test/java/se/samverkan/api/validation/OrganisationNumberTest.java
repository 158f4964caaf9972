package se.samverkan.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"802002-8711", "8020028711", "556036-0793"})
    void acceptsRealNumbers(String value) {
        assertTrue(OrganisationNumber.isValid(value), value);
    }

    @ParameterizedTest
    @CsvSource({
        "802002-8712, check digit does not match",
        "556036-0794, check digit does not match",
        "800101-2383, digits 3-4 must be 20 or more (this looks like a personal identity number)",
        "80200-28711, must be ten digits written NNNNNN-NNNN",
        "802002-871, must be ten digits written NNNNNN-NNNN",
        "80200a-8711, must be ten digits written NNNNNN-NNNN"
    })
    void explainsWhatIsWrong(String value, String problem) {
        assertEquals(problem, OrganisationNumber.problem(value).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertFalse(OrganisationNumber.isValid(null));
    }

    @org.junit.jupiter.api.Test
    void normalisesToHyphenatedForm() {
        assertEquals("802002-8711", OrganisationNumber.normalise("8020028711"));
    }

    @org.junit.jupiter.api.Test
    void luhnOfKnownPrefix() {
        assertEquals(1, OrganisationNumber.luhn("802002871"));
    }
}
