package io.chorus.common.problem;

import java.util.Map;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The framework's own HTTP errors (unknown path, wrong verb, wrong media type...) as problems. */
public class HttpExceptionMapper {

    @ServerExceptionMapper
    public Response map(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonExceptionMapper.response(json, uri.getPath());
        }
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 415 -> "This media type is not supported here; send application/json.";
            case 400 -> "The request is malformed.";
            default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase()
                    : "The request failed.";
        };
        Map<String, String> headers = Map.of();
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            headers = allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allow);
        }
        return Problems.response(Problems.plain(status, detail, uri.getPath()), headers);
    }
}
