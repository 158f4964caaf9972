package se.samverkan.routes.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.samverkan.api.json.Json;
import se.samverkan.api.model.Activity;
import se.samverkan.routes.ImportResult;

/**
 * Reads what a route sends to {@code samverkan:activities}: Activity records, a collection of them (or of maps
 * and JSON trees, as a JSON data format unmarshals them), or JSON text of one activity or an array of them, in
 * the REST API's format. Each element is read on its own, so one that does not fit is refused and the others
 * still go in. Knows nothing of Camel.
 */
final class ActivityBody {

    // Unknown properties stay fatal (Jackson's default), as in the REST API: a misspelt field is reported.
    private static final ObjectMapper MAPPER = Json.mapper();

    /** One element of the body: an activity, or the reason it could not be read as one. */
    record Item(Activity activity, ImportResult refusal) {

        static Item of(Activity activity) {
            return new Item(activity, null);
        }

        static Item refused(String id, String reason) {
            return new Item(null, ImportResult.refused(id, reason));
        }
    }

    private ActivityBody() {
    }

    /**
     * The items of a body that is already Java: an Activity, or a collection or array of them.
     *
     * @return null if the body is neither, so the caller can try it as text
     */
    static List<Item> fromObject(Object body) {
        if (body instanceof Activity activity) {
            return List.of(Item.of(activity));
        }
        if (body instanceof Object[] array) {
            body = List.of(array);
        }
        if (body instanceof Collection<?> collection) {
            List<Item> items = new ArrayList<>(collection.size());
            collection.forEach(element -> items.add(element(element)));
            return items;
        }
        if (body instanceof JsonNode node) {
            return fromTree(node);
        }
        return null;
    }

    /**
     * The items of JSON text: one activity object or an array of them.
     *
     * @throws IllegalArgumentException if the text is not JSON, or neither an object nor an array
     */
    static List<Item> fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Item> fromTree(JsonNode tree) {
        if (tree != null && tree.isObject()) {
            return List.of(element(tree));
        }
        if (tree != null && tree.isArray()) {
            List<Item> items = new ArrayList<>(tree.size());
            tree.forEach(element -> items.add(element(element)));
            return items;
        }
        throw new IllegalArgumentException("The body is neither an activity nor an array of activities");
    }

    private static Item element(Object element) {
        if (element instanceof Activity activity) {
            return Item.of(activity);
        }
        if (!(element instanceof Map<?, ?>) && !(element instanceof JsonNode)) {
            return Item.refused(null, "not an activity: "
                    + (element == null ? "null" : element.getClass().getName()));
        }
        JsonNode tree = MAPPER.valueToTree(element);
        try {
            return Item.of(MAPPER.treeToValue(tree, Activity.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String id = tree.path("id").isTextual() ? tree.path("id").asText() : null;
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return Item.refused(id, "does not fit an activity: " + reason);
        }
    }
}
