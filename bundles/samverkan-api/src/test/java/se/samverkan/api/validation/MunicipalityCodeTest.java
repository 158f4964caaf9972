package se.samverkan.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.samverkan.api.registry.MunicipalityList;

class MunicipalityCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1487", "1488", "1471", "1860", "1882", "1280", "0114", "2584", "1499"})
    void acceptsRealCodes(String code) {
        assertTrue(MunicipalityCode.problem(code, MunicipalityList.shipped()).isEmpty(), code);
    }

    @ParameterizedTest
    @CsvSource({
        "148, must be a four-digit SCB municipality code such as 1487",
        "14870, must be a four-digit SCB municipality code such as 1487",
        "14a7, must be a four-digit SCB municipality code such as 1487",
        "1187, '11' is not a Swedish county code",
        "0287, '02' is not a Swedish county code",
        "1400, '1400' is a county code and not a municipality code",
        "1409, '1409' is not a Swedish municipality (no such code in SCB's list)",
        "0199, '0199' is not a Swedish municipality (no such code in SCB's list)"
    })
    void explainsWhatIsWrong(String code, String problem) {
        assertEquals(problem, MunicipalityCode.problem(code, MunicipalityList.shipped()).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void thereAreTwentyOneCounties() {
        assertEquals(21, MunicipalityCode.COUNTY_CODES.size());
    }
}
