package io.chorus.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A web server on 127.0.0.1 for link-preview tests: the test profile lets the service call 127.0.0.0/8
 * ({@code chorus.outbound.allowed-private-networks}), and no other private network. Its pages: a page with metadata,
 * redirect chains (one to a loopback address outside that network), an endless page, a slow page.
 */
public class LocalWebServer implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;

    public static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/article", exchange -> html(exchange, """
                <html><head><title>Plain title</title>
                <meta property="og:title" content="Wind farm opens">
                <meta name="description" content="Fallback description">
                <meta property="og:description" content="Our largest site yet.">
                <meta property="og:image" content="/img/farm.jpg">
                <meta property="og:site_name" content="Acme News">
                </head><body>…</body></html>"""));
        server.createContext("/plain", exchange -> html(exchange,
                "<html><head><title> Only a title </title><meta name=\"twitter:description\" content=\"Tweety\"></head></html>"));
        server.createContext("/to-loopback", exchange -> redirect(exchange, "http://[::1]:1/secret"));
        server.createContext("/to-private", exchange -> redirect(exchange, "http://10.0.0.1/admin"));
        server.createContext("/to-metadata",
                exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery().replace("n=", ""));
            redirect(exchange, n == 0 ? "/article" : "/hop?n=" + (n - 1));
        });
        server.createContext("/endless", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<html><head><meta property=\"og:title\" content=\"Huge page\"></head><body>"
                        .getBytes(StandardCharsets.UTF_8));
                byte[] filler = "<p>filler</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 100_000; i++) { // ~1.3 GB unless the reader stops
                    out.write(filler);
                }
            } catch (IOException closedByTheReader) {
                // expected: the service stops reading after 1 MiB
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            html(exchange, "<title>Too late</title>");
        });
        server.createContext("/pdf", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write("%PD".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        return Map.of("chorus.link-previews.timeout", "PT2S");
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
