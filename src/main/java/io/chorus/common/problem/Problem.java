package io.chorus.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error the API answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:chorus:problem:";

    public record Violation(String field, String message) {
    }

    /** A problem with its own semantics: its type is {@code urn:chorus:problem:<slug>}. */
    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
