package io.chorus.admin;

import java.util.Set;

import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.HttpServerRequest;

/**
 * The admin UI's cookies: HttpOnly, SameSite=Strict, scoped to {@code /admin}, and Secure unless the page is served
 * over plain HTTP on this machine (http://localhost during development and tests).
 */
public final class AdminCookies {

    /** The access token (a JWT the service signed and verifies like any bearer token). */
    public static final String ACCESS = "chorus_admin";
    /** The refresh token that renews the access token when it expires. */
    public static final String REFRESH = "chorus_admin_refresh";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private AdminCookies() {
    }

    public static boolean secure(HttpServerRequest request) {
        String scheme = request.scheme();
        String host = request.authority() == null ? "" : request.authority().host();
        return !("http".equals(scheme) && LOCAL_HOSTS.contains(host));
    }

    /** A cookie that lasts as long as the browser session (or {@code maxAge} seconds when positive). */
    public static NewCookie session(String name, String value, boolean secure) {
        return build(name, value, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    public static NewCookie lasting(String name, String value, boolean secure, int maxAge) {
        return build(name, value, secure, maxAge);
    }

    /** Tells the browser to forget a cookie. */
    public static NewCookie cleared(String name, boolean secure) {
        return build(name, "", secure, 0);
    }

    private static NewCookie build(String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(AdminPaths.ROOT).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
