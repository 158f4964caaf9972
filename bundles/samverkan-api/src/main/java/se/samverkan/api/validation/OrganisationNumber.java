package se.samverkan.api.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Swedish organisationsnummer: ten digits written NNNNNN-NNNN, the last a Luhn check digit over the first
 * nine; digits three and four are 20 or more so it never reads as a birth date.
 */
public final class OrganisationNumber {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-?\\d{4}");

    private OrganisationNumber() {
    }

    /** Why the value is not a valid organisation number, or empty if it is. */
    public static Optional<String> problem(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.of("must be ten digits written NNNNNN-NNNN");
        }
        String digits = value.replace("-", "");
        if (Integer.parseInt(digits.substring(2, 4)) < 20) {
            return Optional.of("digits 3-4 must be 20 or more (this looks like a personal identity number)");
        }
        if (luhn(digits.substring(0, 9)) != digits.charAt(9) - '0') {
            return Optional.of("check digit does not match");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** The canonical written form NNNNNN-NNNN of a valid number. */
    public static String normalise(String value) {
        String digits = value.replace("-", "");
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** Luhn check digit for the given digits. */
    static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
