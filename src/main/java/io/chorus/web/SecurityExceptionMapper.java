package io.chorus.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.chorus.common.problem.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * 401 for a missing or invalid token, 403 for a role that may not act. The admin UI's and the app's pages answer a
 * browser instead, each as its {@link SurfaceErrors} says: the sign-in page, or a page that says the role may not see
 * this one.
 */
public class SecurityExceptionMapper {

    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    private final Map<Surface, SurfaceErrors> surfaces = new EnumMap<>(Surface.class);

    @Inject
    public SecurityExceptionMapper(Instance<SurfaceErrors> surfaces) {
        surfaces.forEach(errors -> this.surfaces.put(errors.surface(), errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpServerRequest http) {
        return signIn(uri, http);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpServerRequest http) {
        return signIn(uri, http);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        Optional<SurfaceErrors> surface = surfaceOf(uri);
        if (surface.isPresent()) {
            return surface.get().forbidden().apply(headers);
        }
        return Problems.response(Problems.plain(403, "Your role does not allow this action.", uri.getPath()), Map.of());
    }

    private Response signIn(UriInfo uri, HttpServerRequest http) {
        Optional<SurfaceErrors> surface = surfaceOf(uri);
        if (surface.isPresent()) {
            return surface.get().signIn().apply(uri, http);
        }
        return Problems.response(Problems.plain(401, "A valid access token is required.", uri.getPath()), CHALLENGE);
    }

    private Optional<SurfaceErrors> surfaceOf(UriInfo uri) {
        return Surface.of(uri.getPath()).map(surfaces::get);
    }
}
