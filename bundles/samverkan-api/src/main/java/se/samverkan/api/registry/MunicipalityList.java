package se.samverkan.api.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import se.samverkan.api.util.Csv;

/**
 * Sweden's counties and municipalities with their SCB codes: what municipality codes are validated against
 * everywhere in the platform ({@link se.samverkan.api.validation.MunicipalityCode}).
 *
 * <p>The list of 2024 (290 municipalities, 21 counties) ships in this bundle as {@code municipalities.csv} and is
 * in force from the start. The municipality registry replaces it with {@link #use} after a successful refresh
 * from its configured source (and again at each start, from what it stored), so every bundle validating
 * through this API sees the refreshed list at once; the list is immutable and swapped whole.
 *
 * <p>The format, shipped and refreshed alike: UTF-8 CSV with the header {@code code;name;county_code}; a row with
 * a two-digit code is a county (its county_code empty), a row with a four-digit code a municipality.
 */
public final class MunicipalityList {

    /** The shipped list's name, as {@link #source()} shows it. */
    public static final String SHIPPED = "shipped list (SCB 2024)";
    private static final Pattern COUNTY = Pattern.compile("\\d{2}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");

    private static final MunicipalityList SHIPPED_LIST = readShipped();

    private final String source;
    private final Map<String, County> counties;
    private final Map<String, ListedMunicipality> municipalities;

    private MunicipalityList(String source, Map<String, County> counties, Map<String, ListedMunicipality> municipalities) {
        this.source = source;
        this.counties = Collections.unmodifiableMap(new TreeMap<>(counties));
        this.municipalities = Collections.unmodifiableMap(new TreeMap<>(municipalities));
    }

    /** The list shipped in this bundle. */
    public static MunicipalityList shipped() {
        return SHIPPED_LIST;
    }

    /**
     * Builds a list from its parts, checking it whole: a list with a bad row is refused, since a partial list
     * would make validation refuse real municipalities.
     *
     * @throws IllegalArgumentException naming every problem
     */
    public static MunicipalityList of(String source, Collection<County> counties,
                                      Collection<ListedMunicipality> municipalities) {
        List<String> problems = new ArrayList<>();
        Map<String, County> countyMap = new TreeMap<>();
        for (County c : counties) {
            if (c.code() == null || !COUNTY.matcher(c.code()).matches() || c.name() == null || c.name().isBlank()) {
                problems.add("county '" + c.code() + "' needs a two-digit code and a name");
            } else if (countyMap.put(c.code(), c) != null) {
                problems.add("county " + c.code() + " is listed twice");
            }
        }
        Map<String, ListedMunicipality> municipalityMap = new TreeMap<>();
        for (ListedMunicipality m : municipalities) {
            if (m.code() == null || !MUNICIPALITY.matcher(m.code()).matches() || m.name() == null || m.name().isBlank()) {
                problems.add("municipality '" + m.code() + "' needs a four-digit code and a name");
            } else if (!m.code().startsWith(String.valueOf(m.countyCode())) || !countyMap.containsKey(m.countyCode())) {
                problems.add("municipality " + m.code() + " names county '" + m.countyCode()
                        + "', which is not the listed county its code begins with");
            } else if (municipalityMap.put(m.code(), m) != null) {
                problems.add("municipality " + m.code() + " is listed twice");
            }
        }
        if (municipalityMap.isEmpty()) {
            problems.add("the list has no municipalities");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new MunicipalityList(source, countyMap, municipalityMap);
    }

    /**
     * Reads the CSV format (see the class comment).
     *
     * @throws IllegalArgumentException naming every bad row
     */
    public static MunicipalityList parse(String csv, String source) {
        List<Csv.Row> rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).toList()
                .equals(List.of("code", "name", "county_code"))) {
            throw new IllegalArgumentException("the list must begin with the header code;name;county_code");
        }
        List<County> counties = new ArrayList<>();
        List<ListedMunicipality> municipalities = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields().stream().map(String::strip).toList();
            if (f.size() < 2 || f.size() > 3) {
                problems.add("line " + row.line() + " has " + f.size() + " fields, not code;name;county_code");
            } else if (f.get(0).length() == 2) {
                counties.add(new County(f.get(0), f.get(1)));
            } else {
                municipalities.add(new ListedMunicipality(f.get(0), f.get(1), f.size() == 3 ? f.get(2) : ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return of(source, counties, municipalities);
    }

    /** Where the list came from: {@link #SHIPPED} or the URL it was refreshed from. */
    public String source() {
        return source;
    }

    public Optional<ListedMunicipality> municipality(String code) {
        return Optional.ofNullable(municipalities.get(code));
    }

    public Optional<County> county(String code) {
        return Optional.ofNullable(counties.get(code));
    }

    /** Ordered by code. */
    public Collection<ListedMunicipality> municipalities() {
        return municipalities.values();
    }

    /** Ordered by code. */
    public Collection<County> counties() {
        return counties.values();
    }

    /** The same counties and municipalities, wherever each list came from. */
    public boolean sameEntries(MunicipalityList other) {
        return counties.equals(other.counties) && municipalities.equals(other.municipalities);
    }

    private static MunicipalityList readShipped() {
        try (InputStream in = MunicipalityList.class.getResourceAsStream("municipalities.csv")) {
            if (in == null) {
                throw new IllegalStateException("municipalities.csv is missing from the API bundle");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
