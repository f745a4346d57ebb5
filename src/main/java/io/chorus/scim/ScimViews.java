package io.chorus.scim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the SCIM endpoints answer (RFC 7643 resources, RFC 7644 list responses). Entities never go on the wire. */
public final class ScimViews {

    private ScimViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(List<String> schemas, UUID id, String externalId, String userName, Name name, String displayName,
            List<Email> emails, String preferredLanguage, boolean active, Meta meta) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Name(String formatted, String givenName, String familyName) {
    }

    /** The member's one address: their userName. */
    public record Email(String value, String type, boolean primary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(List<String> schemas, UUID id, String externalId, String displayName, List<GroupMember> members,
            Meta meta) {
    }

    public record GroupMember(UUID value, String display, @JsonProperty("$ref") String ref, String type) {
    }

    /** {@code version} is the ETag: {@code W/"<n>"}, as in the ETag header. */
    public record Meta(String resourceType, Instant created, Instant lastModified, String location, String version) {
    }

    public record ListResponse<T>(List<String> schemas, long totalResults, int startIndex, int itemsPerPage,
            @JsonProperty("Resources") List<T> resources) {

        public static <T> ListResponse<T> of(long total, int startIndex, List<T> resources) {
            return new ListResponse<>(List.of(Scim.LIST_RESPONSE), total, startIndex, resources.size(), resources);
        }
    }
}
