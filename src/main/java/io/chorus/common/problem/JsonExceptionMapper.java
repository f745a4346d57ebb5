package io.chorus.common.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.chorus.common.http.StrictJson;

/** Bodies that are not valid JSON, or not the expected shape: 400, never a stack trace. */
public class JsonExceptionMapper {

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return map(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return map(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response map(JsonProcessingException e, UriInfo uri) {
        return response(e, uri.getPath());
    }

    static Response response(JsonProcessingException e, String path) {
        if (e instanceof JsonParseException) {
            return Problems.response(Problems.plain(400, "The body is not valid JSON.", path), Map.of());
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e.getOriginalMessage().endsWith(StrictJson.UNPAIRED_SURROGATE) ? StrictJson.UNPAIRED_SURROGATE
                        : "has the wrong type or format";
        if (field.isEmpty()) {
            return Problems.response(Problems.plain(400, "The body does not have the expected shape.", path), Map.of());
        }
        return Problems.response(Problems.validation("The request has invalid fields.", path,
                List.of(new Problem.Violation(field, message))), Map.of());
    }

    /** The field, as {@code a.b[2].c}; a key that is not text (a lone surrogate) is not echoed: its map is named. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .takeWhile(ref -> ref.getFieldName() == null || StrictJson.wellFormed(ref.getFieldName()))
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
