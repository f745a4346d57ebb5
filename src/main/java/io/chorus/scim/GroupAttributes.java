package io.chorus.scim;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimFilter.Compare;
import io.chorus.scim.ScimFilter.Node;
import io.chorus.scim.ScimFilter.Op;
import io.chorus.scim.ScimFilter.Or;
import io.chorus.scim.ScimPatch.Operation;
import io.chorus.scim.ScimPatch.Path;

/**
 * What a SCIM Group says of a Chorus group: {@code displayName} (its name), {@code externalId} and {@code members}
 * (user ids). Member changes are kept as additions and removals, so that adding one member to a large group does not
 * rewrite it; a replacement of all members is kept as the new set. Microsoft Entra ID removes members with
 * {@code "path": "members"} and the members to remove as the value, Okta with {@code members[value eq "..."]}: both
 * work.
 */
final class GroupAttributes {

    static final List<String> SCHEMAS = List.of(Scim.GROUP);

    String displayName;
    String externalId;
    String idSent;
    /** All the members, when replaced; else null. */
    Set<UUID> members;
    final Set<UUID> added = new LinkedHashSet<>();
    final Set<UUID> removed = new LinkedHashSet<>();

    static GroupAttributes of(String displayName, String externalId) {
        GroupAttributes group = new GroupAttributes();
        group.displayName = displayName;
        group.externalId = externalId;
        return group;
    }

    /** A whole Group (POST, PUT): attributes absent are cleared; members absent means none. */
    static GroupAttributes from(JsonNode body) {
        GroupAttributes group = new GroupAttributes();
        group.members = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            group.apply(ScimPatch.Op.REPLACE, ScimPatch.path(field.getKey(), SCHEMAS), field.getValue());
        }
        return group;
    }

    void apply(Operation operation) {
        if (operation.path() != null) {
            apply(operation.op(), operation.path(), operation.value());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = operation.value().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            apply(operation.op(), ScimPatch.path(field.getKey(), SCHEMAS), field.getValue());
        }
    }

    private void apply(ScimPatch.Op op, Path path, JsonNode value) {
        JsonNode v = value == null || value.isNull() ? null : value;
        switch (path.attribute()) {
            case "displayname" -> {
                if (op == ScimPatch.Op.REMOVE || v == null) {
                    throw ScimError.invalidValue("displayName is required.");
                }
                displayName = ScimJson.text(v, "displayName");
            }
            case "externalid" -> externalId = op == ScimPatch.Op.REMOVE ? null : ScimJson.text(v, "externalId");
            case "id" -> idSent = v != null && v.isTextual() ? v.textValue() : "";
            case "members" -> members(op, path, v);
            default -> {
                // Not kept by Chorus (schemas and meta are the service's).
            }
        }
    }

    private void members(ScimPatch.Op op, Path path, JsonNode value) {
        if (path.sub() != null) {
            throw ScimError.invalidPath("members." + path.sub() + " cannot be changed: change members.");
        }
        if (path.filter() != null) {
            if (op != ScimPatch.Op.REMOVE) {
                throw ScimError.invalidPath("A members filter can only be used to remove members.");
            }
            remove(filtered(path.filter()));
            return;
        }
        switch (op) {
            case ADD -> add(ids(value));
            case REPLACE -> {
                members = new LinkedHashSet<>(ids(value));
                added.clear();
                removed.clear();
            }
            case REMOVE -> {
                if (value == null) {
                    members = new LinkedHashSet<>();
                    added.clear();
                    removed.clear();
                } else {
                    remove(ids(value));
                }
            }
        }
    }

    private void add(Set<UUID> ids) {
        if (members != null) {
            members.addAll(ids);
        } else {
            added.addAll(ids);
            removed.removeAll(ids);
        }
    }

    private void remove(Set<UUID> ids) {
        if (members != null) {
            members.removeAll(ids);
        } else {
            removed.addAll(ids);
            added.removeAll(ids);
        }
    }

    /** The user ids of {@code [{"value": id}, ...]}; an id that is not a UUID names no user: 400. */
    private static Set<UUID> ids(JsonNode value) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode member : ScimJson.values(value)) {
            ids.add(id(ScimJson.text(member.isObject() ? ScimJson.get(member, "value") : member, "members.value")));
        }
        return ids;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw ScimError.invalidValue("members must name users by their id.");
        }
    }

    /** {@code value eq "id"}, possibly several joined by {@code or}: the filters members are removed by. */
    private static Set<UUID> filtered(Node filter) {
        Set<UUID> ids = new HashSet<>();
        if (filter instanceof Or or) {
            ids.addAll(filtered(or.left()));
            ids.addAll(filtered(or.right()));
        } else if (filter instanceof Compare c && c.attribute().equals("value") && c.op() == Op.EQ
                && c.value() instanceof String text) {
            ids.add(id(text));
        } else {
            throw ScimError.invalidPath("Members are removed by members[value eq \"<user id>\"].");
        }
        return ids;
    }
}
