package io.chorus.support;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An answer's JSON read with Jackson, for tests that read many figures of one answer: RestAssured's {@code JsonPath}
 * compiles a Groovy script for every path it is asked (a millisecond or more of class loading each), which made loops
 * over hundreds of rows the suite's slowest code. Paths are written as for {@code JsonPath}, limited to names and
 * indices: {@code "rows[3].shares"}, {@code "members.total"}; a missing one fails the test.
 */
public final class JsonTree {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private JsonTree(JsonNode root) {
        this.root = root;
    }

    public static JsonTree of(ExtractableResponse<Response> response) {
        return of(response.asString());
    }

    public static JsonTree of(String json) {
        try {
            return new JsonTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    public long getLong(String path) {
        return node(path, JsonNode::isIntegralNumber, "a whole number").asLong();
    }

    public int getInt(String path) {
        return Math.toIntExact(getLong(path));
    }

    public double getDouble(String path) {
        return node(path, JsonNode::isNumber, "a number").asDouble();
    }

    public boolean getBoolean(String path) {
        return node(path, JsonNode::isBoolean, "true or false").asBoolean();
    }

    /** The text at the path, or null where the answer has null. */
    public String getString(String path) {
        JsonNode node = node(path);
        return node.isNull() ? null : node.asText();
    }

    /** How many elements the array at the path has. */
    public int size(String path) {
        return node(path, JsonNode::isArray, "an array").size();
    }

    public <T> List<T> getList(String path, Class<T> type) {
        return MAPPER.convertValue(node(path), MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** The array at the path as plain Java values (maps, lists, strings, numbers). */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(String path) {
        return (List<T>) getList(path, Object.class);
    }

    public <K, V> Map<K, V> getMap(String path, Class<K> key, Class<V> value) {
        return MAPPER.convertValue(node(path), MAPPER.getTypeFactory().constructMapType(Map.class, key, value));
    }

    public String prettify() {
        return root.toPrettyString();
    }

    private JsonNode node(String path, Predicate<JsonNode> is, String what) {
        JsonNode node = node(path);
        if (!is.test(node)) {
            throw new AssertionError(path + " is not " + what + ": " + node);
        }
        return node;
    }

    /**
     * The node at the path. As in {@code JsonPath}, a name applied to an array gives the array of its elements' values
     * under that name ({@code "rows.key"}: every row's key).
     */
    private JsonNode node(String path) {
        JsonNode node = root;
        for (String step : path.replace("[", ".[").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            node = step.startsWith("[") ? node.path(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : field(node, step);
            if (node.isMissingNode()) {
                throw new AssertionError("The answer has no " + path + ": " + root);
            }
        }
        return node;
    }

    private static JsonNode field(JsonNode node, String name) {
        if (!node.isArray()) {
            return node.path(name);
        }
        var values = MAPPER.createArrayNode();
        node.forEach(element -> values.add(element.path(name)));
        return values;
    }
}
