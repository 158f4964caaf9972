package se.samverkan.rest.spi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import se.samverkan.api.service.ValidationException;

/** Query parameters parsed leniently in case and strictly in value, with errors (400) naming the parameter. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ValidationException(name, "'" + value + "' is not one of "
                        + Arrays.toString(type.getEnumConstants())));
    }

    /** Language codes are stored lower-case (ISO 639), so "AR" finds what "ar" finds. */
    public static String languageCode(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "'" + value + "' is not a date written yyyy-MM-dd");
        }
    }

    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "'" + value + "' is not a whole number");
        }
    }
}
