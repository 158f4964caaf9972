package se.samverkan.api.model;

/**
 * A Swedish municipality (kommun), identified by its four-digit SCB code.
 *
 * @param code      SCB municipality code, e.g. "1487"; the first two digits are the county code
 * @param name      e.g. "Vänersborg"
 * @param county    county (län) name, e.g. "Västra Götalands län"
 * @param subRegion sub-region such as "Fyrbodal", or null
 * @param active    inactive municipalities are hidden from public search
 */
public record Municipality(String code, String name, String county, String subRegion, boolean active) {

    /** The county code: the first two digits of the municipality code. */
    public String countyCode() {
        return code == null || code.length() < 2 ? null : code.substring(0, 2);
    }
}
