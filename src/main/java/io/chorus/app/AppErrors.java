package io.chorus.app;

import java.util.Locale;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.chorus.common.Pages;
import io.chorus.web.Sessions;
import io.chorus.web.Surface;
import io.chorus.web.SurfaceErrors;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * How the app answers what the API answers with a 401, 403 or 404: a browser without a valid session goes to the
 * sign-in page (keeping the organization it was given), a member the app is not for gets a page saying so, and what
 * does not exist (another organization's content among it) is a page that says it does not exist.
 */
public final class AppErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String lang);

        static native TemplateInstance notFound(String lang);
    }

    AppErrors() {
    }

    public static Response signIn(UriInfo uri, HttpServerRequest http) {
        String org = uri.getQueryParameters().getFirst("org");
        String hint = org == null || !org.matches("[a-z0-9-]{1,63}") ? null : "org=" + org;
        return Sessions.toSignIn(Surface.APP, uri, http, hint);
    }

    public static Response refused(HttpHeaders headers) {
        Locale locale = Pages.localeOf(headers);
        return WebPages.render(403, Templates.refused(locale.getLanguage()), locale);
    }

    public static Response notFound(Locale locale) {
        return WebPages.render(404, Templates.notFound(locale.getLanguage()), locale);
    }

    /** How the security mapper reaches these pages. */
    @Produces
    @Singleton
    static SurfaceErrors surfaceErrors() {
        return new SurfaceErrors(Surface.APP, AppErrors::signIn, AppErrors::refused);
    }
}
