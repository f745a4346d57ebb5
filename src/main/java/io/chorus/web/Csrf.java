package io.chorus.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Double-submit CSRF protection of every form of the admin UI and the app: a random token in an HttpOnly,
 * SameSite=Strict cookie scoped to the surface's path, repeated in a hidden {@value #FIELD} field of each form. Any
 * request under {@code /admin} or {@code /app} other than GET or HEAD is refused unless the two match, whatever its
 * content type, so a forgotten check is impossible.
 * <p>
 * Why not quarkus-rest-csrf: its filter checks every unsafe request of the whole application and creates its cookie on
 * every GET (or only on exact paths), which would either refuse the JSON API's requests or put a cookie on each of its
 * answers. This one is scoped to the browser surfaces and leaves the API alone.
 */
public class Csrf {

    public static final String FIELD = "csrf";
    public static final String COOKIE = "chorus_csrf";
    private static final String TOKEN = "chorus.csrf";
    private static final String FRESH = "chorus.csrf.fresh";
    private static final String SURFACE = "chorus.csrf.surface";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token of this request's forms; only under /admin and /app. */
    public static String token(RoutingContext routing) {
        return routing.get(TOKEN);
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Surface surface = Surface.of(routing.normalizedPath()).orElse(null);
        if (surface == null) {
            return null;
        }
        routing.put(SURFACE, surface);
        Cookie cookie = routing.request().getCookie(COOKIE);
        String cookieToken = cookie == null || !wellFormed(cookie.getValue()) ? null : cookie.getValue();
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            if (cookieToken == null) {
                byte[] bytes = new byte[BYTES];
                RANDOM.nextBytes(bytes);
                cookieToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.put(FRESH, Boolean.TRUE);
            }
            routing.put(TOKEN, cookieToken);
            return null;
        }
        Object submitted = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD,
                true, false);
        if (cookieToken == null || !(submitted instanceof String value) || !same(value, cookieToken)) {
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(
                    "This form has expired or was not sent from Chorus. Go back, reload the page and try again.")
                    .build();
        }
        routing.put(TOKEN, cookieToken);
        return null;
    }

    @ServerResponseFilter
    public void issue(jakarta.ws.rs.container.ContainerResponseContext response, RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(FRESH))) {
            NewCookie cookie = WebCookies.session(routing.get(SURFACE), COOKIE, routing.get(TOKEN),
                    WebCookies.secure(routing.request()));
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }

    private static boolean wellFormed(String value) {
        try {
            return Base64.getUrlDecoder().decode(value).length == BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
