package io.chorus.sharing.clicks;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client of a request as click counting sees it: its address (the socket's, or the forwarded one when the request
 * came through a configured trusted proxy) and its user agent. Held in memory only.
 */
public record Visitor(String clientAddress, String userAgent) {

    public static Visitor of(HttpServerRequest request) {
        return of(request.remoteAddress(), request);
    }

    /**
     * The same for the short-link redirect, where it counts: without proxy forwarding the address is the socket's,
     * taken from the connection, so that a routed request does not first work out its forwarded host, scheme and URI.
     */
    public static Visitor of(HttpServerRequest request, boolean forwarding) {
        return of(forwarding ? request.remoteAddress() : request.connection().remoteAddress(), request);
    }

    private static Visitor of(SocketAddress client, HttpServerRequest request) {
        return new Visitor(client == null ? null : client.hostAddress(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
