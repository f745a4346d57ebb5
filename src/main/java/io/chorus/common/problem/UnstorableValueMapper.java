package io.chorus.common.problem;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * PostgreSQL refuses some values that are valid JSON and valid Java strings, such as a NUL character in text (SQL state
 * class 22, "data exception"): that is the client's input, so a 400, not a 500.
 */
public class UnstorableValueMapper {

    @ServerExceptionMapper
    public Response map(DataException e, UriInfo uri) {
        String detail = "22021".equals(e.getSQLState())
                ? "The request holds a character that cannot be stored (such as a NUL character)."
                : "A value in the request cannot be stored.";
        return Problems.response(Problems.plain(400, detail, uri.getPath()), Map.of());
    }
}
