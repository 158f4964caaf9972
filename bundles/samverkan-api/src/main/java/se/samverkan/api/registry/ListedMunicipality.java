package se.samverkan.api.registry;

/**
 * A municipality as SCB lists it (the reference list, not the platform's {@link se.samverkan.api.model.Municipality}
 * record, which only the municipalities taking part have).
 *
 * @param code       four-digit SCB code, e.g. "1487"
 * @param name       e.g. "Vänersborg"
 * @param countyCode the county's two-digit code, the first two digits of {@code code}
 */
public record ListedMunicipality(String code, String name, String countyCode) {
}
