package io.chorus.web;

import java.util.Set;

import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.HttpServerRequest;

/**
 * The browser interfaces' cookies: HttpOnly, SameSite=Strict, scoped to their surface's path (so the admin UI's and the
 * app's never meet), and Secure unless the page is served over plain HTTP on this machine (http://localhost during
 * development and tests).
 */
public final class WebCookies {

    /** The access token (a JWT the service signed and verifies like any bearer token: mp.jwt.token.cookie). */
    public static final String ACCESS = "chorus_session";
    /** The refresh token that renews the access token when it expires. */
    public static final String REFRESH = "chorus_refresh";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebCookies() {
    }

    public static boolean secure(HttpServerRequest request) {
        String scheme = request.scheme();
        String host = request.authority() == null ? "" : request.authority().host();
        return !("http".equals(scheme) && LOCAL_HOSTS.contains(host));
    }

    /** A cookie that lasts as long as the browser session. */
    public static NewCookie session(Surface surface, String name, String value, boolean secure) {
        return build(surface, name, value, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    public static NewCookie lasting(Surface surface, String name, String value, boolean secure, int maxAge) {
        return build(surface, name, value, secure, maxAge);
    }

    /** Tells the browser to forget a cookie. */
    public static NewCookie cleared(Surface surface, String name, boolean secure) {
        return build(surface, name, "", secure, 0);
    }

    private static NewCookie build(Surface surface, String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(surface.root()).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
