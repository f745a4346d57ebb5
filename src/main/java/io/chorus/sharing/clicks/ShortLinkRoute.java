package io.chorus.sharing.clicks;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.Pages;
import io.chorus.common.http.PublicRoute;
import io.chorus.sharing.clicks.ShortLinks.ShortLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The tracked short link {@code /s/{code}}: 302 to the content's URL with the share's UTM parameters, answered on the
 * event loop from memory whenever the link is known, and the click handed to the {@link ClickRecorder} without waiting
 * for anything. Links already shared live forever, so archived content still redirects; robots get the redirect too
 * (and are told apart later, in the writer).
 */
@Singleton
@PublicRoute(method = "GET", path = "/s/{code}", parameters = "path:code")
public class ShortLinkRoute {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unknown();

        static native TemplateInstance unavailable();
    }

    private static final String BEARER = "Bearer ";
    private static final int ROUTE_ORDER = -1_000;
    private final ShortLinks links;
    private final ClickRecorder recorder;
    private final Counter redirects;
    /** One copy of each user agent in the click buffer: a few thousand strings stand for millions of waiting clicks. */
    private final Cache<String, String> userAgents = Caffeine.newBuilder().maximumSize(10_000).build();

    @Inject
    public ShortLinkRoute(ShortLinks links, ClickRecorder recorder, MeterRegistry registry) {
        this.links = links;
        this.recorder = recorder;
        this.redirects = Counter.builder("chorus.redirects").description("Short-link redirects answered")
                .register(registry);
    }

    void install(@Observes Router router) {
        // The contract's path in Vert.x's syntax: {code} becomes :code.
        String path = ShortLinkRoute.class.getAnnotation(PublicRoute.class).path().replaceAll("\\{([^}/]+)}", ":$1");
        // Ahead of the security and REST handlers: the link is public and they only cost time here.
        router.get(path).order(ROUTE_ORDER).handler(this::follow);
        router.head(path).order(ROUTE_ORDER).handler(this::follow);
    }

    private void follow(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        ShortLink link = links.remembered(code);
        if (link != null) {
            redirect(ctx, link);
        } else if (links.knownUnknown(code)) {
            page(ctx, 404, Templates.unknown());
        } else {
            ctx.vertx().<Optional<ShortLink>> executeBlocking(() -> links.load(code), false).onComplete(loaded -> {
                if (loaded.failed()) {
                    ctx.response().putHeader("Retry-After", "5");
                    page(ctx, 503, Templates.unavailable());
                } else if (loaded.result().isPresent()) {
                    redirect(ctx, loaded.result().get());
                } else {
                    page(ctx, 404, Templates.unknown());
                }
            });
        }
    }

    private void redirect(RoutingContext ctx, ShortLink link) {
        HttpServerRequest request = ctx.request();
        long now = System.currentTimeMillis();
        Visitor visitor = Visitor.of(request);
        // A HEAD request fetches no page: it is a robot's hit whatever it calls itself.
        String userAgent = request.method() == HttpMethod.HEAD || visitor.userAgent() == null ? null
                : userAgents.get(visitor.userAgent(), Function.identity());
        recorder.record(new Click(Click.newId(now), link.shareId(), link.organizationId(), link.sharerId(),
                link.contentId(), now, visitor.clientAddress(), userAgent, request.getHeader(HttpHeaders.REFERER),
                bearer(request.getHeader(HttpHeaders.AUTHORIZATION))));
        redirects.increment();
        HttpServerResponse response = ctx.response().setStatusCode(302);
        response.headers().set(HttpHeaders.LOCATION, link.location()).set(HttpHeaders.CACHE_CONTROL, "no-store")
                .set("Referrer-Policy", "no-referrer-when-downgrade").set("X-Content-Type-Options", "nosniff");
        response.end();
    }

    private static void page(RoutingContext ctx, int status, TemplateInstance template) {
        Locale locale = Pages.localeOf(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        Pages.HEADERS.forEach(response::putHeader);
        response.end(template.setLocale(locale).render());
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }
}
