package se.samverkan.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.support.CommandException;

/**
 * Parses option values typed on the console. Options are declared as strings, not as enums or dates, so a
 * wrong value gets a message that says what would be right instead of Karaf's conversion error.
 */
public final class Options {

    private Options() {
    }

    /** The values an enum option accepts, as {@link Formats#label} shows them. */
    public static <E extends Enum<E>> List<String> allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Formats::label).toList();
    }

    /** Case-insensitive; null when the option was not given. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new CommandException("Unknown value '" + value + "' for " + option + "; allowed: "
                + String.join(", ", allowed(type)));
    }

    /** An ISO date (yyyy-MM-dd); null when the option was not given. */
    public static LocalDate parseDate(String option, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException("Invalid date '" + value + "' for " + option + "; expected yyyy-MM-dd");
        }
    }

    /** Trimmed and lower-cased (language codes are lower case); null when not given or blank. */
    public static String lowerCase(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
