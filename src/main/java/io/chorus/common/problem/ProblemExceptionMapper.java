package io.chorus.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems the application raised on purpose. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response map(ProblemException e, UriInfo uri) {
        return Problems.response(e, uri.getPath());
    }
}
