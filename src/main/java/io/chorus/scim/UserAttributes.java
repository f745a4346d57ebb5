package io.chorus.scim;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimPatch.Op;
import io.chorus.scim.ScimPatch.Operation;
import io.chorus.scim.ScimPatch.Path;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.TenancyRequests.ProvisionMember;

/**
 * What a SCIM User says of a member, read from a body (create, replace) or changed by PATCH operations. Chorus keeps
 * {@code userName} (the member's email), {@code displayName} (their name), {@code name.givenName},
 * {@code name.familyName}, {@code externalId}, {@code active} and {@code preferredLanguage}; {@code emails} always is
 * the userName, and every other attribute (the enterprise extension's, {@code password}, {@code groups}...) is accepted
 * and not kept.
 */
final class UserAttributes {

    static final List<String> SCHEMAS = List.of(Scim.USER);

    String userName;
    String externalId;
    String displayName;
    String formatted;
    String givenName;
    String familyName;
    String preferredLanguage;
    Boolean active;
    /** An id sent with the attributes: the service checks it is the resource's own. */
    String idSent;

    /** The member as SCIM shows them. */
    static UserAttributes of(Member member) {
        UserAttributes user = new UserAttributes();
        user.userName = member.email;
        user.externalId = member.externalId;
        user.displayName = member.name;
        user.givenName = member.givenName;
        user.familyName = member.familyName;
        user.preferredLanguage = member.language;
        user.active = member.status != MemberStatus.DEACTIVATED;
        return user;
    }

    /** A whole User (POST, PUT): attributes absent are cleared, but for active (kept, or true for a new user). */
    static UserAttributes from(JsonNode body, Boolean activeUnlessSaid) {
        UserAttributes user = new UserAttributes();
        user.active = activeUnlessSaid;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            user.set(ScimPatch.path(field.getKey(), SCHEMAS), field.getValue(), false);
        }
        return user;
    }

    void apply(Operation operation) {
        if (operation.path() == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.value().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                set(ScimPatch.path(field.getKey(), SCHEMAS), field.getValue(), true);
            }
        } else if (operation.op() == Op.REMOVE) {
            set(operation.path(), null, true);
        } else {
            set(operation.path(), operation.value(), true);
        }
    }

    /** Sets (or with a null value clears) one attribute; {@code merge}: a complex value changes only what it names. */
    private void set(Path path, JsonNode value, boolean merge) {
        JsonNode v = value == null || value.isNull() ? null : value;
        switch (path.attribute()) {
            case "username" -> userName = ScimJson.text(v, "userName");
            case "externalid" -> externalId = ScimJson.text(v, "externalId");
            case "displayname" -> displayName = ScimJson.text(v, "displayName");
            case "preferredlanguage" -> preferredLanguage = ScimJson.text(v, "preferredLanguage");
            case "active" -> {
                Boolean wanted = ScimJson.bool(v, "active");
                if (wanted == null) {
                    throw ScimError.invalidValue("active must be true or false.");
                }
                active = wanted;
            }
            case "name" -> {
                if (path.sub() != null) {
                    setName(path.sub(), v);
                } else {
                    if (v != null && !v.isObject()) {
                        throw ScimError.invalidValue("name must be an object.");
                    }
                    if (!merge || v == null) {
                        formatted = givenName = familyName = null;
                    }
                    if (v != null) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                            Map.Entry<String, JsonNode> field = it.next();
                            setName(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
                        }
                    }
                }
            }
            case "id" -> {
                // Read-only: sending the resource's own id back (as Okta does) is fine, another is not.
                if (v != null && !v.isTextual()) {
                    throw ScimError.mutability("id is read-only.");
                }
                idSent = v == null ? null : v.textValue();
            }
            default -> {
                // Not kept by Chorus (emails follow userName; schemas and meta are the service's).
            }
        }
    }

    private void setName(String sub, JsonNode value) {
        JsonNode v = value == null || value.isNull() ? null : value;
        switch (sub) {
            case "givenname" -> givenName = ScimJson.text(v, "name.givenName");
            case "familyname" -> familyName = ScimJson.text(v, "name.familyName");
            case "formatted" -> formatted = ScimJson.text(v, "name.formatted");
            default -> {
                // middleName, honorificPrefix...: not kept
            }
        }
    }

    /**
     * What Chorus applies: the member's name is the displayName, else name.formatted, else given and family names, else
     * the userName.
     */
    ProvisionMember toProvision() {
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required.");
        }
        String name = firstText(displayName, formatted, join(givenName, familyName), userName);
        String language = preferredLanguage == null ? null : preferredLanguage.split("[,;]")[0].strip();
        return new ProvisionMember(userName.strip(), name.strip(), givenName, familyName, blankToNull(externalId),
                language == null || language.isEmpty() ? null : language, active == null || active);
    }

    private static String join(String given, String family) {
        String joined = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
