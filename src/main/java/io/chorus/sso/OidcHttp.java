package io.chorus.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.http.SimpleGet;
import org.jose4j.http.SimpleResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.http.BoundedBody;

/**
 * The HTTP calls to identity providers (Discovery, the token endpoint, the JWKS), each bounded so that a provider that
 * is slow, silent or answers without end holds no thread: connecting within {@code chorus.sso.connect-timeout}, the
 * whole answer (headers and body) within {@code chorus.sso.timeout}, and no more than
 * {@code chorus.sso.max-response-bytes} of it read (past that the connection is dropped). Redirects are not followed.
 */
@ApplicationScoped
public class OidcHttp {

    private final SsoConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public OidcHttp(SsoConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The JSON object a provider answers with 200; a refusal naming its {@code error} for a 4xx status; unavailable for
     * a 5xx or a 200 that is not JSON.
     */
    public JsonNode json(HttpRequest.Builder request, String step) {
        HttpResponse<byte[]> response = send(request, step);
        int status = response.statusCode();
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            node = null;
        }
        node = node == null || node.isMissingNode() ? null : node;
        if (status >= 500 || status == 200 && node == null) {
            throw OidcException.unavailable(step,
                    "The identity provider answered HTTP " + status + (node == null ? " without JSON." : "."));
        }
        if (status != 200) {
            String error = node == null ? "" : node.path("error").asText("");
            throw new OidcException(step,
                    "The identity provider refused (HTTP " + status + (error.isEmpty() ? "" : ", " + error) + ").");
        }
        if (node == null || !node.isObject()) {
            throw new OidcException(step, "The identity provider's answer is not a JSON object.");
        }
        return node;
    }

    /** How jose4j fetches a provider's key set: through the same bounds. */
    SimpleGet keySets() {
        return location -> {
            try {
                HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(location)).GET(), "jwks");
                if (response.statusCode() != 200) {
                    throw OidcException.unavailable("jwks",
                            "The identity provider's key set answered HTTP " + response.statusCode() + ".");
                }
                return new Answer(response);
            } catch (OidcException e) {
                throw new KeysUnavailable(e);
            }
        };
    }

    /** A key set that could not be fetched: jose4j takes an IOException, and hands it back as its own one's cause. */
    static final class KeysUnavailable extends IOException {
        private final transient OidcException problem;

        KeysUnavailable(OidcException problem) {
            super(problem.getMessage(), null);
            this.problem = problem;
        }

        OidcException problem() {
            return problem;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String step) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.timeout(config.timeout()).build(),
                info -> new BoundedBody(config.maxResponseBytes(), false));
        try {
            // The request's own timeout ends with the headers; this one covers the body too.
            return call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw late(step);
        } catch (ExecutionException e) {
            throw failed(step, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcException.unavailable(step, "The call to the identity provider was interrupted.");
        } finally {
            call.cancel(true); // nothing when it is done; otherwise the exchange is aborted and its connection closed
        }
    }

    private OidcException failed(String step, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge) {
                return OidcException.unavailable(step,
                        "The identity provider's answer is larger than " + config.maxResponseBytes() + " bytes.");
            }
            if (t instanceof HttpConnectTimeoutException) {
                return OidcException.unavailable(step, "The identity provider could not be reached within "
                        + config.connectTimeout().toMillis() + " ms.");
            }
            if (t instanceof HttpTimeoutException) {
                return late(step);
            }
        }
        return OidcException.unavailable(step, "The identity provider could not be reached.");
    }

    private OidcException late(String step) {
        return OidcException.unavailable(step,
                "The identity provider did not answer within " + config.timeout().toMillis() + " ms.");
    }

    /** A key set's answer as jose4j reads it. */
    private record Answer(HttpResponse<byte[]> response) implements SimpleResponse {
        @Override
        public int getStatusCode() {
            return response.statusCode();
        }

        @Override
        public String getStatusMessage() {
            return "";
        }

        @Override
        public Collection<String> getHeaderNames() {
            return response.headers().map().keySet();
        }

        @Override
        public List<String> getHeaderValues(String name) {
            return response.headers().allValues(name);
        }

        @Override
        public String getBody() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }
}
