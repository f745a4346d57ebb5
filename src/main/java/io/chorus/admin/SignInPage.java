package io.chorus.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.Pages;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.AuthService;
import io.chorus.identity.LoginRequest;
import io.chorus.identity.TokenResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing in to the admin UI: the API's own login (same throttling, same answer whatever was wrong), then the access
 * token in an HttpOnly cookie that the JWT machinery verifies on every admin request, and the refresh token in another
 * that renews it. Members who are only ambassadors are refused: the admin UI is for comms teams, analysts and admins.
 */
@Path(AdminPaths.SIGN_IN)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** The header htmx sends with the requests it makes (which follow redirects here). */
    static final String HTMX_REQUEST = "HX-Request";

    /** What went wrong, shown above the form. */
    public enum Problem {
        MISSING, WRONG, THROTTLED
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String organization, String email, String next, String lang, String csrf,
                Problem problem);

        static native TemplateInstance refused(String lang);
    }

    private final AuthService auth;
    private final JWTParser parser;

    @Inject
    public SignInPage(AuthService auth, JWTParser parser) {
        this.auth = auth;
        this.parser = parser;
    }

    @GET
    public Response show(@RestQuery String next, @RestQuery String lang, @RestCookie(AdminCookies.ACCESS) String access,
            @RestCookie(AdminCookies.REFRESH) String refresh, HttpHeaders headers, RoutingContext routing) {
        Locale locale = locale(lang, headers);
        boolean secure = AdminCookies.secure(routing.request());
        if (access != null && verified(access).isPresent()) {
            return AdminPages.seeOther(AdminPaths.safeNext(next));
        }
        if (refresh != null && !refresh.isBlank()) {
            Optional<Response> renewed = renew(refresh, next, secure);
            if (renewed.isPresent()) {
                return renewed.get();
            }
        }
        if ("true".equals(headers.getHeaderString(HTMX_REQUEST))) {
            // A live part of a page (htmx) found the session over: reload the whole page, which comes here to sign in.
            return forget(Response.noContent().header("HX-Refresh", "true"), access, refresh, secure).build();
        }
        Response form = AdminPages.render(200,
                Templates.form("", "", AdminPaths.safeNext(next), locale.getLanguage(), AdminCsrf.token(routing), null),
                locale);
        return forget(Response.fromResponse(form), access, refresh, secure).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String organization, @RestForm String email, @RestForm String password,
            @RestForm String next, @RestForm String lang, HttpHeaders headers, HttpServerRequest http,
            RoutingContext routing) {
        Locale locale = locale(lang, headers);
        String org = organization == null ? "" : organization.strip();
        String mail = email == null ? "" : email.strip();
        if (org.isEmpty() || mail.isEmpty() || password == null || password.isEmpty() || org.length() > 63
                || mail.length() > 320 || password.length() > 256) {
            return again(400, org, mail, next, locale, routing, Problem.MISSING);
        }
        TokenResponse tokens;
        try {
            tokens = auth.login(new LoginRequest(org, mail, password), http.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return e.status() == 429 ? again(429, org, mail, next, locale, routing, Problem.THROTTLED)
                    : again(401, org, mail, next, locale, routing, Problem.WRONG);
        }
        JsonWebToken token = verified(tokens.accessToken()).orElseThrow();
        if (!AdminSession.mayEnter(token.getGroups())) {
            auth.logout(UUID.fromString(token.getSubject()), Optional.of(tokens.refreshToken()));
            return AdminPages.render(403, Templates.refused(locale.getLanguage()), locale);
        }
        return signedIn(tokens, next, AdminCookies.secure(http));
    }

    /** A new access token from the refresh cookie, when the member may still enter. */
    private Optional<Response> renew(String refresh, String next, boolean secure) {
        try {
            TokenResponse tokens = auth.refresh(refresh);
            Optional<JsonWebToken> token = verified(tokens.accessToken());
            if (token.isPresent() && AdminSession.mayEnter(token.get().getGroups())) {
                return Optional.of(signedIn(tokens, next, secure));
            }
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private static Response signedIn(TokenResponse tokens, String next, boolean secure) {
        return Response.seeOther(AdminPaths.uri(AdminPaths.safeNext(next)))
                .cookie(AdminCookies.lasting(AdminCookies.ACCESS, tokens.accessToken(), secure,
                        (int) tokens.expiresIn()),
                        AdminCookies.session(AdminCookies.REFRESH, tokens.refreshToken(), secure))
                .build();
    }

    private Response again(int status, String organization, String email, String next, Locale locale,
            RoutingContext routing, Problem problem) {
        return AdminPages.render(status, Templates.form(organization, email, AdminPaths.safeNext(next),
                locale.getLanguage(), AdminCsrf.token(routing), problem), locale);
    }

    private Optional<JsonWebToken> verified(String token) {
        try {
            return Optional.of(parser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Response.ResponseBuilder forget(Response.ResponseBuilder response, String access, String refresh,
            boolean secure) {
        if (access != null) {
            response.cookie(AdminCookies.cleared(AdminCookies.ACCESS, secure));
        }
        if (refresh != null) {
            response.cookie(AdminCookies.cleared(AdminCookies.REFRESH, secure));
        }
        return response;
    }

    /** The language asked for on this page, else the browser's. */
    static Locale locale(String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? Pages.localeOf(lang) : Pages.localeOf(headers);
    }
}
