package io.chorus.common.problem;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.chorus.admin.AdminErrors;
import io.chorus.app.AppErrors;
import io.chorus.web.Surface;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * 401 for a missing or invalid token, 403 for a role that may not act. The admin UI's and the app's pages answer a
 * browser instead: the sign-in page, or a page that says the role may not see this one.
 */
public class SecurityExceptionMapper {

    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

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
        Optional<Surface> surface = Surface.of(uri.getPath());
        if (surface.isPresent()) {
            return surface.get() == Surface.ADMIN ? AdminErrors.forbidden(headers) : AppErrors.refused(headers);
        }
        return Problems.response(Problems.plain(403, "Your role does not allow this action.", uri.getPath()), Map.of());
    }

    private static Response signIn(UriInfo uri, HttpServerRequest http) {
        Optional<Surface> surface = Surface.of(uri.getPath());
        if (surface.isPresent()) {
            return surface.get() == Surface.ADMIN ? AdminErrors.signIn(uri, http) : AppErrors.signIn(uri, http);
        }
        return Problems.response(Problems.plain(401, "A valid access token is required.", uri.getPath()), CHALLENGE);
    }
}
