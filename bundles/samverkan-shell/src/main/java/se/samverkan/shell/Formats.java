package se.samverkan.shell;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.OutcomeTarget;
import se.samverkan.api.model.Period;

/** How values look on the console; every method turns a missing value into an empty string. */
public final class Formats {

    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** The lower-case name, which is also what the enum options accept, so a value seen can be typed back. */
    public static String label(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Sorted, because sets come in no stable order and tables should not change between runs. */
    public static String join(Collection<String> values) {
        return values == null ? "" : values.stream().sorted().collect(Collectors.joining(", "));
    }

    /** In Swedish time, whatever the offset the instant was stored with. */
    public static String dateTime(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME.format(time.atZoneSameInstant(Activity.ZONE));
    }

    /** In Swedish time. */
    public static String instant(Instant time) {
        return time == null ? "" : DATE_TIME.format(time.atZone(Activity.ZONE));
    }

    public static String period(Period period) {
        if (period == null || period.start() == null && period.end() == null) {
            return "";
        }
        if (period.end() == null) {
            return "from " + period.start();
        }
        if (period.start() == null) {
            return "until " + period.end();
        }
        return period.start() + " to " + period.end();
    }

    public static String sek(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return amount.signum() == 0 ? "free" : amount.stripTrailingZeros().toPlainString() + " SEK";
    }

    /** E.g. "work +20 %, social assistance -50 %". */
    public static String targets(List<OutcomeTarget> targets) {
        return targets == null ? "" : targets.stream().map(Formats::target).collect(Collectors.joining(", "));
    }

    private static String target(OutcomeTarget target) {
        BigDecimal change = target.changePercent();
        String sign = change.signum() > 0 ? "+" : "";
        return outcome(target.outcome()) + " " + sign + change.stripTrailingZeros().toPlainString() + " %";
    }

    private static String outcome(OutcomeTarget.Outcome outcome) {
        return switch (outcome) {
            case INTO_WORK -> "work";
            case INTO_STUDIES -> "studies";
            case NEW_BUSINESSES -> "new businesses";
            case ON_SOCIAL_ASSISTANCE -> "social assistance";
        };
    }
}
