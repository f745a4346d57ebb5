package io.chorus.common.problem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A SCIM error body (RFC 7644 §3.12), the second dialect of failure the service speaks beside problem details (the
 * {@code scim} package serves SCIM; the dialect lives here because every error path must know it): what every failure
 * of a SCIM request answers, the application's own and the framework's (an unknown path, a wrong verb, a missing token)
 * alike. Failures are raised as {@link ProblemException}s like everywhere else; {@code Problems} turns those of a SCIM
 * path into this instead of a problem detail. A problem whose type is a SCIM error type ({@link #invalidFilter} and the
 * others here) keeps it as {@code scimType}; a conflict over a unique value is {@code uniqueness}; an invalid field is
 * {@code invalidValue}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(List<String> schemas, String status, String scimType, String detail) {

    /** Where SCIM is served. */
    public static final String ROOT = "/scim/v2";
    public static final String MEDIA_TYPE = "application/scim+json";
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final Set<String> SCIM_TYPES = Set.of("invalidFilter", "tooMany", "uniqueness", "mutability",
            "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive");
    private static final Set<String> UNIQUENESS = Set.of("email-taken", "external-id-taken", "group-name-taken",
            "conflict");

    public static ScimError of(Problem problem) {
        String slug = problem.type().substring(problem.type().lastIndexOf(':') + 1);
        String scimType = SCIM_TYPES.contains(slug) ? slug
                : UNIQUENESS.contains(slug) ? "uniqueness"
                        : slug.equals("validation") ? "invalidValue" : problem.status() == 400 ? "invalidSyntax" : null;
        String detail = problem.detail();
        if (problem.violations() != null && !problem.violations().isEmpty()) {
            detail = problem.violations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; "));
        }
        return new ScimError(List.of(SCHEMA), String.valueOf(problem.status()), scimType, detail);
    }

    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(MEDIA_TYPE).entity(of(problem));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Whether a request path is SCIM's: its errors are then SCIM errors, not problem details. */
    public static boolean covers(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/") || path.equals("/scim")
                || path.startsWith("/scim/"));
    }

    public static ProblemException invalidFilter(String detail) {
        return bad("invalidFilter", detail);
    }

    public static ProblemException invalidSyntax(String detail) {
        return bad("invalidSyntax", detail);
    }

    public static ProblemException invalidValue(String detail) {
        return bad("invalidValue", detail);
    }

    public static ProblemException invalidPath(String detail) {
        return bad("invalidPath", detail);
    }

    public static ProblemException noTarget(String detail) {
        return bad("noTarget", detail);
    }

    public static ProblemException mutability(String detail) {
        return bad("mutability", detail);
    }

    public static ProblemException notFound(String what) {
        return ProblemException.notFound(what);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "precondition-failed", "Precondition Failed",
                "The resource changed since the version named by If-Match.");
    }

    private static ProblemException bad(String scimType, String detail) {
        return new ProblemException(400, scimType, "Bad Request", detail);
    }
}
