package se.samverkan.api.subscription;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;

/**
 * Which activities a subscription is about. An empty set means any; the sets are combined with AND, the values
 * within one set with OR (municipality 1487 or 1488, and held in Arabic, and a swimming course).
 *
 * @param municipalityCodes SCB codes
 * @param languages         ISO 639 codes of languages the activity is held in, lower case
 */
public record SubscriptionFilter(Set<String> municipalityCodes, Set<String> languages,
                                 Set<ActivityCategory> categories) {

    public static final SubscriptionFilter ANY = new SubscriptionFilter(Set.of(), Set.of(), Set.of());

    public SubscriptionFilter {
        municipalityCodes = sorted(municipalityCodes, false);
        languages = sorted(languages, true);
        categories = categories == null ? Set.of() : Set.copyOf(new TreeSet<>(categories));
    }

    public boolean matches(Activity a) {
        return (municipalityCodes.isEmpty() || municipalityCodes.contains(a.municipalityCode()))
                && (categories.isEmpty() || categories.contains(a.category()))
                && (languages.isEmpty() || (a.languages() != null
                        && a.languages().stream().anyMatch(l -> languages.contains(l.toLowerCase(Locale.ROOT)))));
    }

    /** The same text for the same filter whatever the order of its values: one pending request per address and key. */
    public String key() {
        return "m=" + String.join(",", new TreeSet<>(municipalityCodes)) + ";l=" + String.join(",", new TreeSet<>(languages))
                + ";c=" + categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<String> sorted(Collection<String> values, boolean lowerCase) {
        if (values == null) {
            return Set.of();
        }
        return Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> lowerCase ? v.strip().toLowerCase(Locale.ROOT) : v.strip()).toList());
    }
}
