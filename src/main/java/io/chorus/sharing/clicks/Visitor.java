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
        SocketAddress client = request.remoteAddress();
        return new Visitor(client == null ? null : client.hostAddress(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
