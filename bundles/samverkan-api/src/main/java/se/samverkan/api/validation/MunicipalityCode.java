package se.samverkan.api.validation;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import se.samverkan.api.registry.MunicipalityList;

/**
 * SCB municipality code: four digits, the first two one of Sweden's 21 county codes, and a municipality of the
 * list in force (a {@link se.samverkan.api.registry.MunicipalityCatalogue}'s: the shipped SCB list, or the
 * municipality registry's refresh of it).
 */
public final class MunicipalityCode {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}");

    /** The 21 county (län) codes. */
    public static final Set<String> COUNTY_CODES = Set.of("01", "03", "04", "05", "06", "07", "08", "09", "10",
            "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25");

    private MunicipalityCode() {
    }

    /** What is wrong with the code's form, whatever the list. */
    public static Optional<String> problem(String code) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            return Optional.of("must be a four-digit SCB municipality code such as 1487");
        }
        if (!COUNTY_CODES.contains(code.substring(0, 2))) {
            return Optional.of("'" + code.substring(0, 2) + "' is not a Swedish county code");
        }
        if (code.endsWith("00")) {
            return Optional.of("'" + code + "' is a county code and not a municipality code");
        }
        return Optional.empty();
    }

    /** What is wrong with the code: its form, or that {@code list} has no such municipality. */
    public static Optional<String> problem(String code, MunicipalityList list) {
        return problem(code).or(() -> list.municipality(code).isEmpty()
                ? Optional.of("'" + code + "' is not a Swedish municipality (no such code in SCB's list)")
                : Optional.empty());
    }
}
