package io.chorus.app;

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
 * Signing in to the app ({@link Sessions}): organization (pre-filled from {@code ?org=}), email and password. Members
 * without the ambassador role (nor admin) get a page that says the app is for those who share.
 */
@Path(AppPaths.SIGN_IN)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AppSignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String organization, String email, String next, String lang, String csrf,
                Refusal problem, List<SsoButton> sso);
    }

    private final Sessions sessions;
    private final SsoButtons ssoButtons;

    @Inject
    public AppSignInPage(Sessions sessions, SsoButtons ssoButtons) {
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
            return WebPages.seeOther(Surface.APP.safeNext(next));
        }
        Optional<TokenResponse> renewed = sessions.renew(refresh, AppSession::mayEnter);
        if (renewed.isPresent()) {
            return Sessions.signedIn(Surface.APP, renewed.get(), next, secure);
        }
        String organization = org == null || !org.matches("[a-z0-9-]{1,63}") ? "" : org;
        Response form = WebPages
                .render(200,
                        Templates.form(organization, "", Surface.APP.safeNext(next), locale.getLanguage(),
                                Csrf.token(routing), null, ssoButtons.of(organization, Surface.APP, next, locale)),
                        locale);
        return Sessions.forget(Surface.APP, Response.fromResponse(form), access, refresh, secure).build();
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
                AppSession::mayEnter);
        if (attempt.refusal() == Refusal.NOT_HERE) {
            return AppErrors.refused(headers);
        }
        if (attempt.refusal() != null) {
            int status = switch (attempt.refusal()) {
                case MISSING -> 400;
                case THROTTLED -> 429;
                case SSO_REQUIRED -> 403;
                default -> 401;
            };
            return WebPages.render(
                    status, Templates.form(org, mail, Surface.APP.safeNext(next), locale.getLanguage(),
                            Csrf.token(routing), attempt.refusal(), ssoButtons.of(org, Surface.APP, next, locale)),
                    locale);
        }
        return Sessions.signedIn(Surface.APP, attempt.tokens(), next, WebCookies.secure(http));
    }

    /** The language asked for on this page, else the browser's. */
    static Locale locale(String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? Pages.localeOf(lang) : Pages.localeOf(headers);
    }
}
