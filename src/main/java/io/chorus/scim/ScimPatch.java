package io.chorus.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimFilter.Node;

/**
 * A PATCH request (RFC 7644 §3.5.2): {@code Operations}, each an {@code add}, {@code replace} or {@code remove} (in any
 * case: Microsoft Entra ID writes {@code "Replace"}) with an optional {@code path}. A path is an attribute
 * ({@code displayName}, {@code name.givenName}), possibly with a value filter and a sub-attribute
 * ({@code members[value eq "..."]}, {@code emails[type eq "work"].value}). Without a path, the value is an object whose
 * members (their names may be paths too: {@code "name.givenName"}) are each applied as if they were one.
 */
final class ScimPatch {

    enum Op {
        ADD, REPLACE, REMOVE
    }

    /** {@code attribute} lower-case and without the resource's schema URN; {@code sub} and {@code filter} optional. */
    record Path(String attribute, Node filter, String sub) {

        /** {@code a.b} paths split into attribute and sub-attribute. */
        static Path of(String attribute, Node filter, String sub) {
            int dot = attribute.indexOf('.');
            if (filter == null && sub == null && dot > 0 && !attribute.startsWith("urn:")) {
                return new Path(attribute.substring(0, dot), null, attribute.substring(dot + 1));
            }
            return new Path(attribute, filter, sub);
        }
    }

    record Operation(Op op, Path path, JsonNode value) {
    }

    private static final int MAX_OPERATIONS = 1000;

    private ScimPatch() {
    }

    static List<Operation> parse(ObjectNode body, List<String> schemas) {
        JsonNode declared = ScimJson.get(body, "schemas");
        if (declared != null && ScimJson.values(declared).stream()
                .noneMatch(s -> s.isTextual() && s.textValue().equals(Scim.PATCH_OP))) {
            throw ScimError.invalidSyntax("A PATCH request's schemas must be [\"" + Scim.PATCH_OP + "\"].");
        }
        JsonNode operations = ScimJson.get(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.invalidSyntax("A PATCH request needs Operations: a non-empty array.");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimError.invalidSyntax("A PATCH request holds at most " + MAX_OPERATIONS + " operations.");
        }
        List<Operation> parsed = new ArrayList<>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimError.invalidSyntax("Each operation must be an object.");
            }
            String op = ScimJson.text(ScimJson.get(operation, "op"), "op");
            Op kind;
            try {
                kind = Op.valueOf(op == null ? "" : op.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScimError.invalidSyntax("op must be add, replace or remove.");
            }
            String path = ScimJson.text(ScimJson.get(operation, "path"), "path");
            JsonNode value = ScimJson.get(operation, "value");
            if (path == null || path.isBlank()) {
                if (kind == Op.REMOVE) {
                    throw ScimError.noTarget("A remove operation needs a path.");
                }
                if (value == null || !value.isObject()) {
                    throw ScimError.invalidSyntax("An operation without a path needs an object as its value.");
                }
                parsed.add(new Operation(kind, null, value));
            } else {
                if (kind != Op.REMOVE && value == null) {
                    throw ScimError.invalidSyntax("An " + kind.name().toLowerCase(Locale.ROOT) + " needs a value.");
                }
                parsed.add(new Operation(kind, path(path, schemas), value));
            }
        }
        return parsed;
    }

    /** A path of an operation, or a member name of a path-less operation's value. */
    static Path path(String text, List<String> schemas) {
        String path = text.strip();
        for (String schema : schemas) {
            if (path.regionMatches(true, 0, schema + ":", 0, schema.length() + 1)) {
                path = path.substring(schema.length() + 1);
            }
        }
        int open = path.indexOf('[');
        if (open < 0) {
            checkName(path, text);
            return Path.of(path.toLowerCase(Locale.ROOT), null, null);
        }
        int close = path.lastIndexOf(']');
        if (close < open) {
            throw ScimError.invalidPath("'" + text + "' is not a path: a '[' is not closed.");
        }
        String attribute = path.substring(0, open);
        checkName(attribute, text);
        Node filter;
        try {
            filter = ScimFilter.parse(path.substring(open + 1, close), List.of());
        } catch (RuntimeException e) {
            throw ScimError.invalidPath("'" + text + "' is not a path: its filter is invalid.");
        }
        String rest = path.substring(close + 1);
        String sub = null;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(".") || rest.length() < 2) {
                throw ScimError.invalidPath("'" + text + "' is not a path.");
            }
            sub = rest.substring(1);
            checkName(sub, text);
            sub = sub.toLowerCase(Locale.ROOT);
        }
        return new Path(attribute.toLowerCase(Locale.ROOT), filter, sub);
    }

    private static void checkName(String name, String text) {
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || "[]\"()".indexOf(c) >= 0)) {
            throw ScimError.invalidPath("'" + text + "' is not a path.");
        }
    }
}
