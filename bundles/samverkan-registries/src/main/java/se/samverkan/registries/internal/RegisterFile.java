package se.samverkan.registries.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.samverkan.api.json.Json;
import se.samverkan.api.registry.ListedMunicipality;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.util.Csv;
import se.samverkan.api.validation.Checks;
import se.samverkan.api.validation.OrganisationNumber;
import se.samverkan.registries.internal.Registry.UnusableException;

/**
 * Reads an organisation register export: CSV ({@code ;} or {@code ,}, UTF-8, a header row naming the columns in
 * any order) or a JSON array of objects. Each row becomes a valid {@link RegisterOrganisation} or a problem with
 * the row's raw text, so a bad row can be quarantined and replayed while the others are taken.
 *
 * <p>Columns (CSV header or JSON key; Swedish names too): {@code name} (namn), {@code organisation_number}
 * (organisationsnummer; JSON also {@code organisationNumber}), {@code municipality} (kommun: an SCB code or a
 * municipality's name; also {@code municipality_code}, {@code municipalityCode}), {@code areas_of_work}
 * (verksamhetsområden: areas separated by {@code |}; in JSON also an array), {@code contact} (kontakt: its public
 * contact address; also {@code contact_address}, {@code contactAddress}).
 */
final class RegisterFile {

    /**
     * One row: {@code organisation} if it is valid, else {@code problem}.
     *
     * @param key the organisation number as written if it has the form of one, else where the row is ("line 7")
     * @param raw the row as it came (for CSV with the header line before it), which {@link #parse} reads again
     */
    record Row(String key, String raw, RegisterOrganisation organisation, String problem) {
    }

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern NUMBER_FORM = Pattern.compile("\\d{6}-?\\d{4}");
    private static final Map<String, String> COLUMNS = columns();

    private final String registerId;
    /** Lower-case municipality name → code, of the list in force. */
    private final Map<String, String> municipalities = new HashMap<>();

    private final MunicipalityList list;

    private RegisterFile(String registerId, MunicipalityList list) {
        this.registerId = registerId;
        this.list = list;
        for (ListedMunicipality m : list.municipalities()) {
            municipalities.put(m.name().toLowerCase(Locale.ROOT), m.code());
        }
    }

    /** @param list the municipalities in force, whose names a row may give instead of a code */
    static List<Row> parse(String text, String registerId, MunicipalityList list) throws UnusableException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        RegisterFile file = new RegisterFile(registerId, list);
        return start.startsWith("[") || start.startsWith("{") ? file.json(start) : file.csv(body);
    }

    private List<Row> csv(String text) throws UnusableException {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).fields();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = COLUMNS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (column != null) {
                index.put(column, i);
            }
        }
        if (!index.containsKey("name") || !index.containsKey("organisation_number")) {
            throw new UnusableException("the header row must name the columns name and organisation_number; it is: "
                    + String.join(";", header));
        }
        String headerLine = Csv.format(header, ';');
        List<Row> result = new ArrayList<>(rows.size());
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Map<String, String> values = new HashMap<>();
            index.forEach((column, i) -> values.put(column, i < row.fields().size() ? row.fields().get(i) : null));
            String areas = values.get("areas_of_work");
            result.add(row(values, areas == null ? List.of() : Arrays.asList(areas.split("\\|")), "line " + row.line(),
                    headerLine + "\n" + Csv.format(row.fields(), ';')));
        }
        return result;
    }

    private List<Row> json(String text) throws UnusableException {
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnusableException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (document.isObject()) {
            document = JSON.createArrayNode().add(document);
        }
        if (!document.isArray()) {
            throw new UnusableException("a JSON register must be an array of organisations");
        }
        List<Row> result = new ArrayList<>(document.size());
        for (int i = 0; i < document.size(); i++) {
            JsonNode item = document.get(i);
            String where = "item " + (i + 1);
            if (!item.isObject()) {
                result.add(new Row(where, item.toString(), null, "an organisation must be a JSON object"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            List<String> areas = new ArrayList<>();
            item.fields().forEachRemaining(field -> {
                String column = COLUMNS.get(field.getKey().toLowerCase(Locale.ROOT));
                JsonNode value = field.getValue();
                if ("areas_of_work".equals(column) && value.isArray()) {
                    value.forEach(a -> areas.add(a.asText()));
                } else if ("areas_of_work".equals(column) && !value.isNull()) {
                    areas.addAll(Arrays.asList(value.asText().split("\\|")));
                } else if (column != null && !value.isNull()) {
                    values.put(column, value.asText());
                }
            });
            result.add(row(values, areas, where, item.toString()));
        }
        return result;
    }

    private Row row(Map<String, String> values, List<String> areaList, String where, String raw) {
        String name = clean(values.get("name"));
        String number = clean(values.get("organisation_number"));
        String contact = clean(values.get("contact"));
        List<String> areas = areaList.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        String key = number != null && NUMBER_FORM.matcher(number).matches() ? OrganisationNumber.normalise(number) : where;
        Checks checks = new Checks().require("name", name).require("organisation_number", number)
                .organisationNumber("organisation_number", number)
                .check(name == null || name.length() <= 300, "name", "must be at most 300 characters")
                .check(contact == null || contact.length() <= 320, "contact", "must be at most 320 characters")
                .check(String.join("\n", areas).length() <= 2000, "areas_of_work", "must be at most 2000 characters");
        String municipality = municipality(clean(values.get("municipality")), checks);
        try {
            checks.throwIfAny();
        } catch (ValidationException e) {
            return new Row(key, raw, null, e.getMessage());
        }
        return new Row(key, raw, new RegisterOrganisation(key, name, municipality, areas, contact, registerId), null);
    }

    /** An SCB code, or the name of a municipality in the list in force (registers often give the name). */
    private String municipality(String value, Checks checks) {
        if (value == null) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            checks.municipalityCode("municipality", value, list);
            return value;
        }
        String name = value.toLowerCase(Locale.ROOT).replace(" kommun", "").replace(" stad", "").strip();
        // "Vänersborgs kommun", "Trollhättans stad": the genitive s goes too.
        String code = municipalities.getOrDefault(name, name.endsWith("s")
                ? municipalities.get(name.substring(0, name.length() - 1)) : null);
        checks.check(code != null, "municipality", "'" + value + "' is neither an SCB municipality code nor a municipality's name");
        return code;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        for (String alias : List.of("name", "namn")) {
            columns.put(alias, "name");
        }
        for (String alias : List.of("organisation_number", "organisationnumber", "organisationsnummer", "orgnr")) {
            columns.put(alias, "organisation_number");
        }
        for (String alias : List.of("municipality", "municipality_code", "municipalitycode", "kommun", "kommunkod")) {
            columns.put(alias, "municipality");
        }
        for (String alias : List.of("areas_of_work", "areasofwork", "areas", "verksamhetsområden")) {
            columns.put(alias, "areas_of_work");
        }
        for (String alias : List.of("contact", "contact_address", "contactaddress", "kontakt")) {
            columns.put(alias, "contact");
        }
        return columns;
    }
}
