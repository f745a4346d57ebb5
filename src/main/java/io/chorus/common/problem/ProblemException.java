package io.chorus.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown wherever a request cannot be served; the mapper turns it into problem+json. Use the factory methods so that
 * the same situation always gets the same type and status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;
    private Map<String, Object> extensions = Map.of();

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
        this.headers = headers;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "The request has invalid fields.",
                List.of(new Problem.Violation(field, message)), Map.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ProblemException gone(String slug, String detail) {
        return new ProblemException(410, slug, "Gone", detail);
    }

    /** This problem with extension members of its type (RFC 9457), e.g. the version of a charter to accept. */
    public ProblemException with(Map<String, Object> members) {
        this.extensions = Map.copyOf(members);
        return this;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations, extensions);
    }
}
