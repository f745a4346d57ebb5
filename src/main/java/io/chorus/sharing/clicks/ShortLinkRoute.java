package io.chorus.sharing.clicks;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.Pages;
import io.chorus.common.Time;
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
 * event loop from memory whenever the link is known, with the click's id appended as {@code chorus_click} (unless its
 * organization turned click ids off) so that the site can report a conversion with it, and the click handed to the
 * {@link ClickRecorder} without waiting for anything. Links already shared live forever, so archived content still
 * redirects; robots get the redirect too (and are told apart later, in the writer).
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
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER_WHEN_DOWNGRADE = HttpHeaders
            .createOptimized("no-referrer-when-downgrade");
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private final ShortLinks links;
    private final ClickRecorder recorder;
    private final Counter redirects;
    /** Whether client addresses may come from X-Forwarded-For (a trusted proxy is configured). */
    private final boolean forwarding;
    /** One copy of each user agent in the click buffer: a few thousand strings stand for millions of waiting clicks. */
    private final Cache<String, String> userAgents = Caffeine.newBuilder().maximumSize(10_000).build();

    @Inject
    public ShortLinkRoute(ShortLinks links, ClickRecorder recorder, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding) {
        this.links = links;
        this.forwarding = forwarding;
        this.recorder = recorder;
        this.redirects = Counter.builder("chorus.redirects").description("Short-link redirects answered")
                .register(registry);
    }

    void install(@Observes Router router) {
        // The contract's path as a prefix: /s/{code} becomes /s/*, matched by comparing strings rather than by a
        // regular expression, and the code is what follows the prefix. A path with more segments is an unknown code.
        String path = ShortLinkRoute.class.getAnnotation(PublicRoute.class).path();
        String prefix = path.substring(0, path.indexOf('{'));
        int codeStart = prefix.length();
        // Ahead of the security and REST handlers: the link is public and they only cost time here.
        router.get(prefix + "*").order(ROUTE_ORDER).handler(ctx -> follow(ctx, codeStart));
        router.head(prefix + "*").order(ROUTE_ORDER).handler(ctx -> follow(ctx, codeStart));
    }

    private void follow(RoutingContext ctx, int codeStart) {
        // The bare prefix (/s, /s/) matches too: it names no code.
        String path = ctx.normalizedPath();
        String code = path.length() > codeStart ? path.substring(codeStart) : "";
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
        long now = Time.millis();
        Visitor visitor = Visitor.of(request, forwarding);
        // A HEAD request fetches no page: it is a robot's hit whatever it calls itself.
        String userAgent = request.method() == HttpMethod.HEAD || visitor.userAgent() == null ? null
                : userAgents.get(visitor.userAgent(), Function.identity());
        UUID clickId = recorder.followed(link, now, visitor.clientAddress(), userAgent,
                request.getHeader(HttpHeaders.REFERER), bearer(request.getHeader(HttpHeaders.AUTHORIZATION)));
        redirects.increment();
        HttpServerResponse response = ctx.response().setStatusCode(302);
        // A new response has no headers yet: add, not set, and the constant ones as pre-encoded ASCII.
        response.headers().add(HttpHeaders.LOCATION, link.location(clickId)).add(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .add(REFERRER_POLICY, NO_REFERRER_WHEN_DOWNGRADE).add(CONTENT_TYPE_OPTIONS, NOSNIFF);
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
