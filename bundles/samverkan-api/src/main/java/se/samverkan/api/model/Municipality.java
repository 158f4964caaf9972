package se.samverkan.api.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import se.samverkan.api.service.ValidationException;

/**
 * A Swedish municipality (kommun), identified by its four-digit SCB code.
 *
 * @param code      SCB municipality code, e.g. "1487"; the first two digits are the county code
 * @param name      e.g. "Vänersborg"
 * @param county    county (län) name, e.g. "Västra Götalands län"
 * @param subRegion sub-region such as "Fyrbodal", or null
 * @param active    inactive municipalities are hidden from public search
 * @param languages the languages its newcomers speak most, most spoken first, as ISO 639 codes ("ar", "ti")
 * @param settings  its integration settings, e.g. {@code calendar.feeds}, {@code registry.kpi},
 *                  {@code mail.from}; keys are dotted lower-case names, values plain text
 */
public record Municipality(String code, String name, String county, String subRegion, boolean active,
                           List<String> languages, Map<String, String> settings) {

    public Municipality {
        // Checked here because copying fails on null; List.of().contains(null) would throw too.
        if (languages != null && languages.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("languages", "must not hold null");
        }
        if (settings != null && settings.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new ValidationException("settings", "every setting needs a name and a value");
        }
        languages = languages == null ? List.of() : List.copyOf(languages);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A municipality without language or integration facts yet. */
    public Municipality(String code, String name, String county, String subRegion, boolean active) {
        this(code, name, county, subRegion, active, List.of(), Map.of());
    }

    /** The county code: the first two digits of the municipality code. */
    public String countyCode() {
        return code == null || code.length() < 2 ? null : code.substring(0, 2);
    }
}
