package se.samverkan.registries.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.samverkan.api.json.Json;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.validation.MunicipalityCode;
import se.samverkan.routes.ImportJob;

/**
 * Yearly key figures from Kolada's open API (v3), {@code etc/se.samverkan.registries.kolada.cfg}:
 * <pre>
 * enabled        = false                       (off by default: the platform runs offline)
 * url            = https://api.kolada.se
 * kpis           = N31001, N31910, N03937, N01951
 * years          = 2019-2023 or 2021, 2022    (default: the five years before this one)
 * municipalities = 1487, 1488                 (default: the platform's municipalities; 0000, the country, always)
 * chunkSize      = 20                         (municipalities per request)
 * </pre>
 * Each run asks {@code GET {url}/v3/data/kpi/{kpi}/municipality/{ids}/year/{years}} per KPI and chunk of
 * municipalities, following {@code next_url} over the pages, and only when every page has been read stores the
 * values (upserted by municipality, KPI, year and gender). A failed run stores nothing, so the last good values
 * stay. A value for a municipality that is not in SCB's list is quarantined (source {@code kolada}).
 */
@Component(service = {RoutesBuilder.class, ImportJob.class, Registry.class}, configurationPid = KoladaImport.PID)
public class KoladaImport extends Registry {

    static final String PID = "se.samverkan.registries.kolada";
    static final String ID = "kolada";
    static final String QUARANTINE_SOURCE = "kolada";
    private static final ObjectMapper JSON = Json.mapper();
    /** A source that pages without end is refused rather than followed forever. */
    private static final int MAX_PAGES = 1000;

    private final RegistrySettings settings;
    private final URI base;
    private final List<String> kpis;
    private final List<Integer> years;
    private final List<String> municipalities;
    private final int chunkSize;
    private final MunicipalityService platform;
    private final KpiStore kpiStore;
    private final QuarantineService quarantine;
    private final MunicipalityCatalogue catalogue;
    private final Source http;

    @Activate
    public KoladaImport(Map<String, Object> properties, @Reference RegistryStore store, @Reference KpiStore kpiStore,
                        @Reference MunicipalityService platform, @Reference QuarantineService quarantine,
                        @Reference MunicipalityCatalogue catalogue) {
        this(settings(properties), store, kpiStore, platform, quarantine, catalogue);
    }

    KoladaImport(RegistrySettings settings, RegistryStore store, KpiStore kpiStore, MunicipalityService platform,
                 QuarantineService quarantine, MunicipalityCatalogue catalogue) {
        super(settings, store);
        this.settings = settings;
        this.base = URI.create(settings.url().toString().replaceAll("/+$", "") + "/");
        this.kpis = list(settings.get("kpis", "N31001, N31910, N03937, N01951"));
        this.years = years(settings.get("years", ""));
        this.municipalities = list(settings.get("municipalities", ""));
        this.chunkSize = Integer.parseInt(settings.get("chunkSize", "20"));
        this.platform = platform;
        this.catalogue = catalogue;
        this.kpiStore = kpiStore;
        this.quarantine = quarantine;
        this.http = new Source(settings.timeoutSeconds(), settings.maxBytes());
    }

    /** Disabled, it runs on demand only; the url defaults to Kolada's. */
    static RegistrySettings settings(Map<String, ?> properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties);
        config.putIfAbsent("url", "https://api.kolada.se");
        if (!Boolean.parseBoolean(String.valueOf(config.getOrDefault("enabled", "false")))) {
            config.put("pollSeconds", "0");
        }
        return RegistrySettings.of(ID, config, 7 * 86400);
    }

    @Override
    String kind() {
        return "KPIS";
    }

    @Override
    String source() {
        return base + "v3 (" + String.join(", ", kpis) + ")";
    }

    @Override
    ImportCounts importNow() throws UnavailableException, UnusableException {
        List<String> ids = new ArrayList<>(municipalities.isEmpty()
                ? platform.list().stream().map(Municipality::code).toList() : municipalities);
        if (!ids.contains(KpiValue.COUNTRY)) {
            ids.add(KpiValue.COUNTRY);
        }
        String yearList = years.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<List<Object>, KpiValue> values = new LinkedHashMap<>();
        Map<String, Rejected> rejected = new LinkedHashMap<>();
        for (String kpi : kpis) {
            for (int from = 0; from < ids.size(); from += chunkSize) {
                String chunk = String.join(",", ids.subList(from, Math.min(ids.size(), from + chunkSize)));
                URI next = base.resolve("v3/data/kpi/" + kpi + "/municipality/" + chunk + "/year/" + yearList);
                for (int page = 1; next != null; page++) {
                    if (page > MAX_PAGES) {
                        throw new UnusableException(base + " pages on beyond " + MAX_PAGES + " pages for " + kpi);
                    }
                    next = read(next, values, rejected);
                }
            }
        }
        ImportCounts counts = kpiStore.upsert(values.values());
        rejected.forEach((key, r) -> quarantine.add(QUARANTINE_SOURCE, key, r.reason(), r.raw()));
        return counts.withRejected(rejected.size());
    }

    @Override
    public String quarantineSource() {
        return QUARANTINE_SOURCE;
    }

    @Override
    synchronized String replay(String raw) {
        try {
            Map<List<Object>, KpiValue> values = new LinkedHashMap<>();
            Map<String, Rejected> rejected = new LinkedHashMap<>();
            entry(JSON.readTree(raw), values, rejected);
            if (!rejected.isEmpty()) {
                return rejected.values().iterator().next().reason();
            }
            kpiStore.upsert(values.values());
            return null;
        } catch (JsonProcessingException | UnusableException e) {
            return e.getMessage();
        }
    }

    private record Rejected(String reason, String raw) {
    }

    /** Reads one page into {@code values} and returns the next page's address, or null. */
    private URI read(URI page, Map<List<Object>, KpiValue> values, Map<String, Rejected> rejected)
            throws UnavailableException, UnusableException {
        JsonNode body;
        try {
            body = JSON.readTree(http.get(page, "application/json"));
        } catch (JsonProcessingException e) {
            throw new UnusableException("not valid JSON from " + page + ": " + e.getOriginalMessage(), e);
        }
        JsonNode items = body.get("values");
        if (items == null || !items.isArray()) {
            throw new UnusableException("the answer from " + page + " has no \"values\" array");
        }
        for (JsonNode item : items) {
            entry(item, values, rejected);
        }
        JsonNode next = body.get("next_url");
        return next == null || next.isNull() || next.asText().isBlank() ? null : base.resolve(next.asText());
    }

    private void entry(JsonNode item, Map<List<Object>, KpiValue> values, Map<String, Rejected> rejected)
            throws UnusableException {
        String kpi = item.path("kpi").asText(null);
        String municipality = item.path("municipality").asText(null);
        JsonNode period = item.get("period");
        JsonNode genders = item.get("values");
        if (kpi == null || municipality == null || period == null || !period.canConvertToInt() || genders == null
                || !genders.isArray()) {
            throw new UnusableException("a value without kpi, municipality, period or values: " + item);
        }
        String key = municipality + "/" + kpi + "/" + period.asInt();
        if (!KpiValue.COUNTRY.equals(municipality)) {
            String problem = MunicipalityCode.problem(municipality, catalogue.current()).orElse(null);
            if (problem != null) {
                rejected.put(key, new Rejected("municipality: " + problem, item.toString()));
                return;
            }
        }
        for (JsonNode g : genders) {
            String gender = g.path("gender").asText("");
            if (!Set.of("T", "K", "M").contains(gender)) {
                rejected.put(key, new Rejected("gender: '" + gender + "' is none of T, K, M", item.toString()));
                return;
            }
            JsonNode value = g.get("value");
            JsonNode count = g.get("count");
            KpiValue v = new KpiValue(municipality, kpi, period.asInt(), gender,
                    value == null || value.isNull() ? null : value.asDouble(),
                    count == null || count.isNull() ? null : count.asInt(), g.path("status").asText(""));
            values.put(List.of(municipality, kpi, v.year(), gender), v);
        }
    }

    private static List<String> list(String text) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }

    /** "2019-2023", "2021, 2022", or empty for the five years before this one. */
    static List<Integer> years(String text) {
        if (text.isBlank()) {
            int last = LocalDate.now().getYear() - 1;
            return IntStream.rangeClosed(last - 4, last).boxed().toList();
        }
        List<Integer> years = new ArrayList<>();
        for (String part : list(text)) {
            String[] range = part.split("-");
            try {
                int first = Integer.parseInt(range[0].strip());
                int last = range.length > 1 ? Integer.parseInt(range[1].strip()) : first;
                IntStream.rangeClosed(first, last).forEach(years::add);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("years must be years or ranges such as 2019-2023, not '" + part + "'", e);
            }
        }
        return years;
    }
}
