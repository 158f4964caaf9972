package se.samverkan.plugins.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import se.samverkan.api.json.Json;
import se.samverkan.api.util.Sha256;

/**
 * A SHA-256 fingerprint of a record's content, to tell whether it changed since it was last seen. Object fields
 * and set elements are put in a fixed order (sets come back from the database in any order); lists keep theirs,
 * since their order means something (a municipality's languages, most spoken first).
 */
final class Fingerprints {

    private static final ObjectMapper JSON = Json.mapper().registerModule(new SimpleModule().addSerializer(new SortedSets()));

    private Fingerprints() {
    }

    static String of(Object record) {
        return Sha256.hex(canonical(JSON.valueToTree(record)));
    }

    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append(JSON.getNodeFactory().textNode(k)).append(':').append(v).append(','));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(canonical(e)));
            return "[" + String.join(",", elements) + "]";
        }
        return node.toString();
    }

    /** A set as an array of its elements in the order of their canonical text. */
    @SuppressWarnings("rawtypes")
    private static final class SortedSets extends StdSerializer<Set> {

        SortedSets() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator out, SerializerProvider provider) throws IOException {
            List<String> elements = new ArrayList<>();
            for (Object element : set) {
                elements.add(canonical(JSON.valueToTree(element)));
            }
            elements.sort(null);
            out.writeStartArray();
            for (String element : elements) {
                out.writeRawValue(element);
            }
            out.writeEndArray();
        }
    }
}
