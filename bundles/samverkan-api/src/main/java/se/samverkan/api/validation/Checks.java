package se.samverkan.api.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import se.samverkan.api.model.Period;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.service.ValidationException.FieldError;

/** Collects every field error of one record, then throws them together. */
public final class Checks {

    /** Record ids: lower-case words joined by hyphens, e.g. "support-group-network". */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final List<FieldError> errors = new ArrayList<>();

    public Checks require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    public Checks id(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' must be lower-case letters, digits and hyphens"));
        }
        return this;
    }

    public Checks municipalityCode(String field, String code) {
        if (code != null) {
            MunicipalityCode.problem(code).ifPresent(p -> errors.add(new FieldError(field, p)));
        }
        return this;
    }

    /** The code's form, and that {@code list} has such a municipality. */
    public Checks municipalityCode(String field, String code, MunicipalityList list) {
        if (code != null) {
            MunicipalityCode.problem(code, list).ifPresent(p -> errors.add(new FieldError(field, p)));
        }
        return this;
    }

    public Checks municipalityCodes(String field, Collection<String> codes) {
        if (codes != null) {
            codes.forEach(c -> municipalityCode(field, c));
        }
        return this;
    }

    public Checks organisationNumber(String field, String value) {
        if (value != null && !value.isBlank()) {
            OrganisationNumber.problem(value).ifPresent(p -> errors.add(new FieldError(field, p)));
        }
        return this;
    }

    public Checks language(String field, String code) {
        if (code == null || !LANGUAGE.matcher(code).matches()) {
            errors.add(new FieldError(field, "'" + code + "' must be an ISO 639 language code such as sv, en, ar"));
        }
        return this;
    }

    public Checks notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
        return this;
    }

    public Checks notNegative(String field, Integer value) {
        return notNegative(field, value == null ? null : BigDecimal.valueOf(value));
    }

    public Checks period(String field, Period period) {
        if (period != null && period.start() != null && period.end() != null
                && period.end().isBefore(period.start())) {
            errors.add(new FieldError(field + ".end", "must not be before the start"));
        }
        return this;
    }

    /** Text longer than its column would fail in the database; it is refused here, naming the limit. */
    public Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters long, not " + value.length()));
        }
        return this;
    }

    /** Each text of a per-language map, e.g. {@code title.ar}, at most {@code max} characters. */
    public Checks maxLengths(String field, Map<String, String> texts, int max) {
        if (texts != null) {
            texts.forEach((language, text) -> maxLength(field + "." + language, text, max));
        }
        return this;
    }

    /** Collections are bounded too: one record with a million entries made every page that showed it huge. */
    public Checks maxSize(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            errors.add(new FieldError(field, "may hold at most " + max + " entries, not " + values.size()));
        }
        return this;
    }

    public Checks maxSize(String field, Map<?, ?> values, int max) {
        return maxSize(field, values == null ? null : values.keySet(), max);
    }

    public Checks check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Checks add(String field, Optional<String> problem) {
        problem.ifPresent(p -> errors.add(new FieldError(field, p)));
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
