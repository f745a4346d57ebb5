package io.chorus.common.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET of a URL someone named (a page to preview, a feed to poll), made so that it cannot be turned against the
 * network the service runs in nor hold it: every host is resolved and checked by {@link OutboundAddresses} before it is
 * contacted, on the first request and on each redirect, which it follows itself (up to a number); one budget covers the
 * whole fetch — connection, redirects and the body to its last byte — and at most so many bytes of the body are read.
 * Only a 2xx answer's body is read. What goes wrong is a {@link Failed} saying why, in words for the person who named
 * the URL.
 */
public class OutboundFetch {

    /** Why a fetch gave nothing. */
    public static final class Failed extends RuntimeException {

        public Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The last answer: where it came from, its status, headers and (for a 2xx) the body read. */
    public record Answer(URI uri, int status, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** How much of a body is read: {@code truncate} keeps the first bytes, else a longer body is a failure. */
    public record Limits(Duration timeout, int maxRedirects, int maxBytes, boolean truncate) {
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OutboundAddresses addresses;
    private final HttpClient client;
    private final String userAgent;

    public OutboundFetch(OutboundAddresses addresses, Duration connectTimeout, String userAgent) {
        this.addresses = addresses;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public Answer get(String url, Map<String, String> headers, Limits limits) {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI target = parse(url);
        for (int redirects = 0;; redirects++) {
            try {
                addresses.resolve(target);
            } catch (OutboundAddresses.Refused e) {
                throw new Failed(e.getMessage());
            }
            HttpResponse<byte[]> response = send(target, headers, limits, deadline);
            if (REDIRECTS.contains(response.statusCode())) {
                if (redirects == limits.maxRedirects()) {
                    throw new Failed("it redirects more than " + limits.maxRedirects() + " times");
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new Failed("it redirects without saying where"));
                try {
                    target = parse(target.resolve(location.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new Failed("it redirects to something that is not a URL");
                }
                continue;
            }
            return new Answer(target, response.statusCode(), response.headers(), response.body());
        }
    }

    /** An absolute http or https URI with a host. */
    public static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new Failed("only http and https links can be fetched");
            }
            if (uri.getHost() == null) {
                throw new Failed("the link has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Failed("it is not a valid URL");
        }
    }

    private HttpResponse<byte[]> send(URI target, Map<String, String> headers, Limits limits, long deadline) {
        long left = deadline - System.nanoTime();
        String late = "it took longer than " + limits.timeout().toSeconds() + " s";
        if (left <= 0) {
            throw new Failed(late);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofNanos(left)).GET()
                .header("User-Agent", userAgent);
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request.build(),
                info -> new BoundedBody(info.statusCode() >= 200 && info.statusCode() <= 299 ? limits.maxBytes() : 0,
                        limits.truncate() || info.statusCode() < 200 || info.statusCode() > 299));
        try {
            return answer.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Failed(late);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && !(cause instanceof BoundedBody.TooLarge)
                    && !(cause instanceof HttpTimeoutException)) {
                cause = cause.getCause();
            }
            if (cause instanceof Failed failed) {
                throw failed;
            }
            if (cause instanceof BoundedBody.TooLarge) {
                throw new Failed("it is larger than " + limits.maxBytes() + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Failed(late);
            }
            throw new Failed(cause instanceof IOException ? "it could not be fetched" : "it could not be read");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("the fetch was interrupted");
        }
    }
}
