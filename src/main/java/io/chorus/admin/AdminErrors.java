package io.chorus.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.chorus.common.Pages;
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

    private AdminErrors() {
    }

    public static Response signIn(UriInfo uri, HttpServerRequest http) {
        String target = AdminPaths.SIGN_IN;
        if ("GET".equals(http.method().name())) {
            String query = uri.getRequestUri().getRawQuery();
            String next = uri.getPath() + (query == null ? "" : "?" + query);
            target += "?next=" + URLEncoder.encode(AdminPaths.safeNext(next), StandardCharsets.UTF_8);
        }
        boolean secure = AdminCookies.secure(http);
        return Response.seeOther(AdminPaths.uri(target)).cookie(AdminCookies.cleared(AdminCookies.ACCESS, secure))
                .build();
    }

    public static Response forbidden(HttpHeaders headers) {
        Locale locale = Pages.localeOf(headers);
        return AdminPages.render(403, Templates.forbidden(locale.getLanguage()), locale);
    }

    public static Response notFound(Locale locale) {
        return AdminPages.render(404, Templates.notFound(locale.getLanguage()), locale);
    }
}
