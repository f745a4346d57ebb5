package io.chorus.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.common.http.StrictJson;
import io.chorus.common.problem.ScimError;

/**
 * Reading SCIM bodies as RFC 7643 wants them read: attribute names ignore case, unknown attributes of a resource are
 * not errors (identity providers send many Chorus does not keep), and values are checked where Chorus uses them. As
 * Microsoft Entra ID sends them, booleans may also come as the strings {@code "True"} and {@code "False"}.
 */
final class ScimJson {

    private ScimJson() {
    }

    static ObjectNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.invalidSyntax("The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimError.invalidSyntax("The body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ScimError.invalidSyntax("The body must be a JSON object.");
        }
        return object;
    }

    /** The member of an object with this name, ignoring case; null when absent or null. */
    static JsonNode get(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().isNull() ? null : field.getValue();
            }
        }
        return null;
    }

    /** A string value (null for null or absent); anything else is a 400 invalidValue. */
    static String text(JsonNode value, String attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimError.invalidValue(attribute + " must be a string.");
        }
        if (!StrictJson.wellFormed(value.textValue())) {
            throw ScimError.invalidValue(attribute + " " + StrictJson.UNPAIRED_SURROGATE + ".");
        }
        return value.textValue();
    }

    /** A boolean, or the strings "true" and "false" in any case (null for null or absent). */
    static Boolean bool(JsonNode value, String attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()
                && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
        }
        throw ScimError.invalidValue(attribute + " must be true or false.");
    }

    /** The values of a multi-valued attribute: an array, or one value standing for itself. */
    static List<JsonNode> values(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value instanceof ArrayNode array) {
            array.forEach(values::add);
        } else if (value != null && !value.isNull()) {
            values.add(value);
        }
        return values;
    }

    /**
     * The resource as JSON with only the attributes asked for ({@code attributes}) or without those excluded
     * ({@code excludedAttributes}), comma-separated, by name (top-level or {@code name.sub}); {@code id} and
     * {@code schemas} are always returned.
     */
    static JsonNode project(ObjectMapper json, Object resource, String attributes, String excluded,
            List<String> schemas) {
        ObjectNode node = json.valueToTree(resource);
        if (attributes != null && !attributes.isBlank()) {
            ObjectNode kept = json.createObjectNode();
            for (String name : List.of("schemas", "id")) {
                if (node.has(name)) {
                    kept.set(name, node.get(name));
                }
            }
            for (String name : names(attributes, schemas)) {
                String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                String field = fieldName(node, top);
                if (field == null) {
                    continue;
                }
                if (name.contains(".") && node.get(field).isObject()) {
                    ObjectNode parent = kept.has(field) ? (ObjectNode) kept.get(field) : kept.putObject(field);
                    String sub = fieldName(node.get(field), name.substring(name.indexOf('.') + 1));
                    if (sub != null) {
                        parent.set(sub, node.get(field).get(sub));
                    }
                } else {
                    kept.set(field, node.get(field));
                }
            }
            node = kept;
        }
        if (excluded != null && !excluded.isBlank()) {
            for (String name : names(excluded, schemas)) {
                String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                String field = fieldName(node, top);
                if (field == null || field.equals("id") || field.equals("schemas")) {
                    continue;
                }
                if (name.contains(".") && node.get(field) instanceof ObjectNode parent) {
                    String sub = fieldName(parent, name.substring(name.indexOf('.') + 1));
                    if (sub != null) {
                        parent.remove(sub);
                    }
                } else {
                    node.remove(field);
                }
            }
        }
        return node;
    }

    private static List<String> names(String list, List<String> schemas) {
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.strip();
            for (String schema : schemas) {
                if (name.regionMatches(true, 0, schema + ":", 0, schema.length() + 1)) {
                    name = name.substring(schema.length() + 1);
                }
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String fieldName(JsonNode object, String name) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }
}
