package io.chorus.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.problem.ProblemException;
import io.chorus.identity.AuthService;
import io.chorus.identity.LoginRequest;
import io.chorus.identity.TokenResponse;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;

/**
 * A browser session of the admin UI or the app: the API's own login (same throttling, same answer whatever was wrong),
 * then the access token in an HttpOnly cookie that the JWT machinery verifies on every request of the surface, and the
 * refresh token in another that renews it. Who may enter is the surface's to say.
 */
@ApplicationScoped
public class Sessions {

    /** What a sign-in form's submission came to. */
    public enum Refusal {
        MISSING, WRONG, THROTTLED, NOT_HERE, SSO_REQUIRED
    }

    /** Signed in (the tokens) or refused (why). */
    public record Attempt(TokenResponse tokens, Refusal refusal) {
    }

    private final AuthService auth;
    private final JWTParser parser;

    @Inject
    public Sessions(AuthService auth, JWTParser parser) {
        this.auth = auth;
        this.parser = parser;
    }

    /** Checks the form's fields, logs in, and keeps the session only for members who may enter the surface. */
    public Attempt signIn(String organization, String email, String password, String clientAddress,
            Predicate<Set<String>> mayEnter) {
        if (organization.isEmpty() || email.isEmpty() || password == null || password.isEmpty()
                || organization.length() > 63 || email.length() > 320 || password.length() > 256) {
            return new Attempt(null, Refusal.MISSING);
        }
        TokenResponse tokens;
        try {
            tokens = auth.login(new LoginRequest(organization, email, password), clientAddress);
        } catch (ProblemException e) {
            return new Attempt(null, e.status() == 429 ? Refusal.THROTTLED
                    : "sso-required".equals(e.slug()) ? Refusal.SSO_REQUIRED : Refusal.WRONG);
        }
        JsonWebToken token = verified(tokens.accessToken()).orElseThrow();
        if (!mayEnter.test(token.getGroups())) {
            auth.logout(UUID.fromString(token.getSubject()), Optional.of(tokens.refreshToken()));
            return new Attempt(null, Refusal.NOT_HERE);
        }
        return new Attempt(tokens, null);
    }

    /** A new access token from the refresh cookie, when the member may still enter. */
    public Optional<TokenResponse> renew(String refresh, Predicate<Set<String>> mayEnter) {
        if (refresh == null || refresh.isBlank()) {
            return Optional.empty();
        }
        try {
            TokenResponse tokens = auth.refresh(refresh);
            Optional<JsonWebToken> token = verified(tokens.accessToken());
            return token.isPresent() && mayEnter.test(token.get().getGroups()) ? Optional.of(tokens) : Optional.empty();
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    public Optional<JsonWebToken> verified(String token) {
        try {
            return token == null ? Optional.empty() : Optional.of(parser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** To {@code next} (a path of the surface), with the session's cookies. */
    public static Response signedIn(Surface surface, TokenResponse tokens, String next, boolean secure) {
        return Response.seeOther(URI.create(surface.safeNext(next)))
                .cookie(WebCookies.lasting(surface, WebCookies.ACCESS, tokens.accessToken(), secure,
                        (int) tokens.expiresIn()),
                        WebCookies.session(surface, WebCookies.REFRESH, tokens.refreshToken(), secure))
                .build();
    }

    /** Ends the session: the refresh token is revoked and both cookies are cleared; then the sign-in page. */
    public Response signOut(Surface surface, UUID subject, String refresh, boolean secure) {
        auth.logout(subject, Optional.ofNullable(refresh).filter(r -> !r.isBlank()));
        return forget(surface, Response.seeOther(URI.create(surface.signIn())), "", "", secure).build();
    }

    /** Clears the cookies the browser sent. */
    public static Response.ResponseBuilder forget(Surface surface, Response.ResponseBuilder response, String access,
            String refresh, boolean secure) {
        if (access != null) {
            response.cookie(WebCookies.cleared(surface, WebCookies.ACCESS, secure));
        }
        if (refresh != null) {
            response.cookie(WebCookies.cleared(surface, WebCookies.REFRESH, secure));
        }
        return response;
    }

    /**
     * A browser without a valid session: to the sign-in page, back here afterwards (for a GET), forgetting the access
     * cookie that no longer verifies. {@code hint} adds a query of the sign-in page's own (the app's organization).
     */
    public static Response toSignIn(Surface surface, UriInfo uri, HttpServerRequest http, String hint) {
        StringBuilder target = new StringBuilder(surface.signIn());
        char separator = '?';
        if ("GET".equals(http.method().name())) {
            String query = uri.getRequestUri().getRawQuery();
            String next = uri.getPath() + (query == null ? "" : "?" + query);
            target.append("?next=").append(URLEncoder.encode(surface.safeNext(next), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (hint != null && !hint.isEmpty()) {
            target.append(separator).append(hint);
        }
        boolean secure = WebCookies.secure(http);
        return Response.seeOther(URI.create(target.toString()))
                .cookie(WebCookies.cleared(surface, WebCookies.ACCESS, secure)).build();
    }
}
