package io.chorus.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.chorus.common.Time;
import io.chorus.support.Inbox;

/**
 * A webhook receiver on 127.0.0.1 (the one private network the test profile lets the service call), as an integrator
 * writes one: each endpoint a path of its own, which checks every request the way the Standard Webhooks specification
 * says — written here from the specification, not with the service's signer — and answers as the test tells it to (fail
 * the first n attempts, always fail, redirect). The admin UI's browser test sends to it too.
 */
public final class WebhookReceiver {

    /** One request as the receiver got it, and whether it passed the specification's checks. */
    public record Received(String id, long timestamp, String signature, String body, boolean verified, int answered) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        public boolean accepted() {
            return answered >= 200 && answered <= 299;
        }
    }

    /** An endpoint's path: its secret (once registered), how it answers, and what it got. */
    public static final class Endpoint {
        final String path = "/hooks/" + UUID.randomUUID();
        public volatile String secret;
        final AtomicInteger failFirst = new AtomicInteger();
        public volatile boolean failAlways;
        volatile String redirectTo;
        final List<Received> received = new CopyOnWriteArrayList<>();

        public String url() {
            return WebhookReceiver.url(path);
        }

        /** The requests whose check passed and which were answered 2xx. */
        public List<Received> accepted() {
            return received.stream().filter(Received::accepted).toList();
        }

        /** Polls until {@code done} holds of what arrived, for at most 20 seconds; answers what arrived. */
        public List<Received> await(Predicate<List<Received>> done, String what) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!done.test(received) && System.nanoTime() < deadline) {
                Inbox.pause();
            }
            assertThat(done.test(received)).as("%s (received: %s)", what, received).isTrue();
            return List.copyOf(received);
        }

        /** The first accepted request of this type, waiting for it. */
        public Received awaitType(String type) {
            await(r -> r.stream().anyMatch(x -> x.accepted() && x.type().equals(type)), "a " + type + " message");
            return accepted().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The specification's tolerance for a timestamp away from the receiver's clock. */
    private static final long TOLERANCE_SECONDS = 300;
    private static final Map<String, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private WebhookReceiver() {
    }

    /** A new endpoint path that answers 204. */
    public static Endpoint endpoint() {
        Endpoint endpoint = new Endpoint();
        ENDPOINTS.put(endpoint.path, endpoint);
        return endpoint;
    }

    /** The receiver's URL of a path (started on first use). */
    public static synchronized String url(String path) {
        if (server == null) {
            start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/", WebhookReceiver::handle);
        server.start();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        Endpoint endpoint = ENDPOINTS.get(exchange.getRequestURI().getPath());
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (endpoint == null) {
            answer(exchange, 404);
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean verified = endpoint.secret != null && id != null && timestamp != null && signature != null
                && "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")
                && timely(timestamp) && signed(endpoint.secret, id, timestamp, body, signature);
        int status;
        if (!verified) {
            status = 401;
        } else if (endpoint.redirectTo != null) {
            exchange.getResponseHeaders().add("Location", endpoint.redirectTo);
            status = 307;
        } else if (endpoint.failAlways || endpoint.failFirst.getAndDecrement() > 0) {
            status = 503;
        } else {
            status = 204;
        }
        endpoint.received.add(
                new Received(id, timestamp == null ? 0 : Long.parseLong(timestamp), signature, body, verified, status));
        answer(exchange, status);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Within the tolerance of the service's clock (the suite's timeline, not the machine's). */
    private static boolean timely(String timestamp) {
        try {
            return Math.abs(Time.now().getEpochSecond() - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The specification's check: the signed content is {@code id.timestamp.body}, the key the base64-decoded secret
     * after {@code whsec_}, and the header a space-separated list of {@code v1,<base64 HMAC-SHA256>} of which one must
     * match (compared in constant time).
     */
    static boolean signed(String secret, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = Base64.getEncoder()
                    .encode(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            List<String> candidates = new ArrayList<>(List.of(header.split(" ")));
            for (String candidate : candidates) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
