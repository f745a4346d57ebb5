package io.chorus.admin;

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
 * How the admin UI answers what the API answers with a 401 or 403 problem: a browser without a valid session goes to
 * the sign-in page (and forgets a cookie that no longer verifies), a role that may not see a page gets a page saying
 * so.
 */
public final class AdminErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden(String lang);

        static native TemplateInstance notFound(String lang);
    }

    AdminErrors() {
    }

    public static Response signIn(UriInfo uri, HttpServerRequest http) {
        return Sessions.toSignIn(Surface.ADMIN, uri, http, null);
    }

    public static Response forbidden(HttpHeaders headers) {
        Locale locale = Pages.localeOf(headers);
        return WebPages.render(403, Templates.forbidden(locale.getLanguage()), locale);
    }

    public static Response notFound(Locale locale) {
        return WebPages.render(404, Templates.notFound(locale.getLanguage()), locale);
    }

    /** How the security mapper reaches these pages. */
    @Produces
    @Singleton
    static SurfaceErrors surfaceErrors() {
        return new SurfaceErrors(Surface.ADMIN, AdminErrors::signIn, AdminErrors::forbidden);
    }
}
