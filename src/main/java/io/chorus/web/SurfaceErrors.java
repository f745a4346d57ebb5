package io.chorus.web;

import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.vertx.core.http.HttpServerRequest;

/**
 * How one browser surface answers a request without a valid session ({@code signIn}: to its sign-in page, coming back
 * afterwards) or of a role that may not see the page ({@code forbidden}: a page saying so). The admin UI and the app
 * each produce theirs; {@link SecurityExceptionMapper} uses them.
 */
public record SurfaceErrors(Surface surface, BiFunction<UriInfo, HttpServerRequest, Response> signIn,
        Function<HttpHeaders, Response> forbidden) {
}
