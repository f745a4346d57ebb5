package io.chorus.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The security headers every response carries unless its handler chose its own: {@code nosniff}, no referrer, and a
 * strict Content-Security-Policy (not under {@code /q/}, where Swagger UI runs scripts). They are filled in as the
 * headers go out, so a page's own policy is never doubled (two policies would both apply). The {@code /s/} redirect is
 * answered before this runs and sets its own.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final int ORDER = -900;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::fillIn);
    }

    private void fillIn(RoutingContext ctx) {
        boolean operations = ctx.normalizedPath().startsWith("/q/");
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            if (!operations) {
                setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
        });
        ctx.next();
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
