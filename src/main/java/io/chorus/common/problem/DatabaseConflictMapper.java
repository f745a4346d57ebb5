package io.chorus.common.problem;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The database is the last line of defence against duplicates: when two requests race past the services' own checks,
 * the unique constraint decides and the loser gets a 409.
 */
public class DatabaseConflictMapper {

    @ServerExceptionMapper
    public Response map(ConstraintViolationException e, UriInfo uri) {
        return Problems.response(new ProblemException(409, "conflict", "Conflict",
                "This conflicts with an existing resource (" + e.getConstraintName() + ").").toProblem(uri.getPath()),
                Map.of());
    }
}
