package io.chorus.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.Pages;
import io.chorus.identity.TokenResponse;
import io.chorus.sso.SsoButtons;
import io.chorus.sso.SsoButtons.SsoButton;
import io.chorus.web.Csrf;
import io.chorus.web.Sessions;
import io.chorus.web.Sessions.Refusal;
import io.chorus.web.Surface;
import io.chorus.web.WebCookies;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing in to the admin UI ({@link Sessions}). Members who are only ambassadors are refused: the admin UI is for
 * comms teams, analysts and admins (the app is theirs).
 */
@Path(AdminPaths.SIGN_IN)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** The header htmx sends with the requests it makes (which follow redirects here). */
    static final String HTMX_REQUEST = "HX-Request";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String organization, String email, String next, String lang, String csrf,
                Refusal problem, List<SsoButton> sso);

        static native TemplateInstance refused(String lang);
    }

    private final Sessions sessions;
    private final SsoButtons ssoButtons;

    @Inject
    public SignInPage(Sessions sessions, SsoButtons ssoButtons) {
        this.sessions = sessions;
        this.ssoButtons = ssoButtons;
    }

    @GET
    public Response show(@RestQuery String org, @RestQuery String next, @RestQuery String lang,
            @RestCookie(WebCookies.ACCESS) String access, @RestCookie(WebCookies.REFRESH) String refresh,
            HttpHeaders headers, RoutingContext routing) {
        Locale locale = locale(lang, headers);
        boolean secure = WebCookies.secure(routing.request());
        if (sessions.verified(access).isPresent()) {
            return WebPages.seeOther(Surface.ADMIN.safeNext(next));
        }
        Optional<TokenResponse> renewed = sessions.renew(refresh, AdminSession::mayEnter);
        if (renewed.isPresent()) {
            return Sessions.signedIn(Surface.ADMIN, renewed.get(), next, secure);
        }
        if ("true".equals(headers.getHeaderString(HTMX_REQUEST))) {
            // A live part of a page (htmx) found the session over: reload the whole page, which comes here to sign in.
            return Sessions
                    .forget(Surface.ADMIN, Response.noContent().header("HX-Refresh", "true"), access, refresh, secure)
                    .build();
        }
        Response form = WebPages.render(200,
                Templates.form(organization(org), "", Surface.ADMIN.safeNext(next), locale.getLanguage(),
                        Csrf.token(routing), null, ssoButtons.of(organization(org), Surface.ADMIN, next, locale)),
                locale);
        return Sessions.forget(Surface.ADMIN, Response.fromResponse(form), access, refresh, secure).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String organization, @RestForm String email, @RestForm String password,
            @RestForm String next, @RestForm String lang, HttpHeaders headers, HttpServerRequest http,
            RoutingContext routing) {
        Locale locale = locale(lang, headers);
        String org = organization == null ? "" : organization.strip();
        String mail = email == null ? "" : email.strip();
        Sessions.Attempt attempt = sessions.signIn(org, mail, password, http.remoteAddress().hostAddress(),
                AdminSession::mayEnter);
        if (attempt.refusal() == Refusal.NOT_HERE) {
            return WebPages.render(403, Templates.refused(locale.getLanguage()), locale);
        }
        if (attempt.refusal() != null) {
            int status = switch (attempt.refusal()) {
                case MISSING -> 400;
                case THROTTLED -> 429;
                case SSO_REQUIRED -> 403;
                default -> 401;
            };
            return WebPages.render(
                    status, Templates.form(org, mail, Surface.ADMIN.safeNext(next), locale.getLanguage(),
                            Csrf.token(routing), attempt.refusal(), ssoButtons.of(org, Surface.ADMIN, next, locale)),
                    locale);
        }
        return Sessions.signedIn(Surface.ADMIN, attempt.tokens(), next, WebCookies.secure(http));
    }

    private static String organization(String org) {
        return org == null || !org.matches("[a-z0-9-]{1,63}") ? "" : org;
    }

    /** The language asked for on this page, else the browser's. */
    static Locale locale(String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? Pages.localeOf(lang) : Pages.localeOf(headers);
    }
}
