package io.chorus.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * Builds problem+json responses; the one place that knows their shape. A failure of a SCIM request (under /scim) is
 * answered in SCIM's own error format instead, whichever mapper caught it: identity providers read nothing else.
 */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem, Map<String, String> headers) {
        if (ScimError.covers(problem.instance())) {
            return ScimError.response(problem, headers);
        }
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(ProblemException e, String instance) {
        return response(e.toProblem(instance), e.headers());
    }

    /** A problem without semantics of its own beyond its HTTP status (RFC 9457 "about:blank"). */
    public static Problem plain(int status, String detail, String instance) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase()
                : family == Response.Status.Family.SERVER_ERROR ? "Server error" : "Error";
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    public static Problem validation(String detail, String instance, List<Problem.Violation> violations) {
        return new Problem(Problem.type("validation"), "Invalid request", 400, detail, instance, violations);
    }
}
