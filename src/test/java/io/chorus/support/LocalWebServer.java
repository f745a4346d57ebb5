package io.chorus.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A web server on 127.0.0.1 for link-preview tests: the test profile lets the service call 127.0.0.0/8
 * ({@code chorus.outbound.allowed-private-networks}), and no other private network. Its pages: a page with metadata,
 * redirect chains (one to a loopback address outside that network), an endless page, a slow page. Under
 * {@code /idp/<mode>/} it is also an identity provider that misbehaves as its mode says ({@link #IDP_MODES}), for the
 * tests of the service's limits on calls to providers (which it bounds to 1 s here).
 */
public class LocalWebServer implements QuarkusTestResourceLifecycleManager {

    /** The bytes of filler the endless page wrote before its reader closed the connection, and whether it has. */
    public static final AtomicLong ENDLESS_SENT = new AtomicLong();
    public static final AtomicBoolean ENDLESS_ENDED = new AtomicBoolean();

    /**
     * The identity providers' modes: {@code slow-} never answers in time, {@code trickle-} answers its headers at once
     * and then a byte at a time, {@code huge-} answers without end; at the discovery document, the token endpoint or
     * the key set.
     */
    public static final List<String> IDP_MODES = List.of("slow-discovery", "huge-discovery", "slow-token",
            "trickle-token", "huge-token", "slow-jwks", "huge-jwks");

    private static HttpServer server;
    private static ExecutorService executor;
    /** Released at stop: what waits on it is a provider that never answers. */
    private static volatile CountDownLatch stopped;
    private static final AtomicInteger ABANDONED = new AtomicInteger();

    public static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many answers the reader stopped reading: it dropped the connection before the end. */
    public static int abandonedAnswers() {
        return ABANDONED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        stopped = new CountDownLatch(1);
        // A thread per request: the providers that never answer hold theirs until the server stops.
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
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
            ENDLESS_SENT.set(0);
            ENDLESS_ENDED.set(false);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<html><head><meta property=\"og:title\" content=\"Huge page\"></head><body>"
                        .getBytes(StandardCharsets.UTF_8));
                byte[] filler = "<p>filler</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 100_000; i++) { // ~1.3 GB unless the reader stops
                    out.write(filler);
                    ENDLESS_SENT.addAndGet(filler.length);
                }
            } catch (IOException closedByTheReader) {
                // expected: the service stops reading after 1 MiB
            } finally {
                ENDLESS_ENDED.set(true);
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
        server.createContext("/idp/", LocalWebServer::identityProvider);
        server.start();
        return Map.of("chorus.link-previews.timeout", "PT2S", "chorus.sso.timeout", "PT1S",
                "chorus.sso.connect-timeout", "PT1S");
    }

    @Override
    public void stop() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code /idp/<mode>/…}: Discovery, a token endpoint and a key set, one of them misbehaving. */
    private static void identityProvider(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/", 4); // "", "idp", mode, rest
        String mode = path.length > 2 ? path[2] : "";
        String step = path.length > 3 ? path[3] : "";
        String issuer = url("/idp/" + mode);
        String misbehaving = switch (step) {
            case ".well-known/openid-configuration" -> "discovery";
            case "token" -> "token";
            case "jwks" -> "jwks";
            default -> "";
        };
        if (!IDP_MODES.contains(mode) || misbehaving.isEmpty()) {
            json(exchange, 404, "{\"error\": \"not_found\"}");
        } else if (mode.endsWith("-" + misbehaving)) {
            misbehave(exchange, mode.substring(0, mode.indexOf('-')));
        } else if (misbehaving.equals("discovery")) {
            json(exchange, 200, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"]}""".formatted(issuer));
        } else if (misbehaving.equals("token")) {
            // An ID token naming a key the service does not have yet: it fetches the key set to check it.
            String header = base64("{\"alg\":\"RS256\",\"kid\":\"" + mode + "\"}");
            json(exchange, 200, "{\"token_type\": \"Bearer\", \"access_token\": \"at\", \"id_token\": \"" + header + "."
                    + base64("{\"iss\":\"" + issuer + "\",\"sub\":\"x\"}") + ".c2ln\"}");
        } else {
            json(exchange, 200, "{\"keys\": []}");
        }
    }

    private static void misbehave(HttpExchange exchange, String how) throws IOException {
        if (how.equals("slow")) {
            try {
                stopped.await(30, TimeUnit.SECONDS); // far past any timeout of the service
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"keys\": [".getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] filler = (how.equals("huge") ? "{\"kty\": \"oct\"}, ".repeat(1000) : " ")
                    .getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) { // ~400 MB for huge, 300 bytes for trickle, unless the reader stops
                out.write(filler);
                out.flush();
                if (how.equals("trickle") && stopped.await(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException closedByTheReader) {
            ABANDONED.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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
