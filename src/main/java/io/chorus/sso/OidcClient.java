package io.chorus.sso;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.common.Time;

/**
 * The calls to OpenID providers (Discovery, the token endpoint, the JWKS; bounded in time and size by
 * {@link OidcHttp}), and the verification of ID tokens (OpenID Connect Core 3.1.3.7). Discovery documents and key sets
 * are kept per issuer; a token signed with a key the cached set lacks refetches the set (key rotation).
 */
@ApplicationScoped
public class OidcClient {

    /** What Discovery tells about a provider. */
    public record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
            boolean clientSecretPost) {
    }

    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final List<String> ALGORITHMS = List.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    private record Known(Metadata metadata, HttpsJwks keys, Instant fetchedAt) {
    }

    private final SsoConfig config;
    private final OidcHttp http;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Inject
    public OidcClient(SsoConfig config, OidcHttp http) {
        this.config = config;
        this.http = http;
    }

    /** The provider's Discovery document, fetched now (when an admin saves it) or from the cache. */
    public Metadata discover(String issuer, boolean fresh) {
        Known cached = known.get(issuer);
        if (!fresh && cached != null && cached.fetchedAt().plus(METADATA_LIFETIME).isAfter(Instant.now())) {
            return cached.metadata();
        }
        URI address = requireAllowed(URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
        JsonNode document = http.json(HttpRequest.newBuilder(address).GET(), "discovery");
        if (!issuer.equals(document.path("issuer").asText())) {
            throw new OidcException("discovery",
                    "The discovery document names another issuer: " + document.path("issuer").asText());
        }
        Metadata metadata = new Metadata(issuer, endpoint(document, "authorization_endpoint"),
                endpoint(document, "token_endpoint"), endpoint(document, "jwks_uri"),
                clientSecretPost(document.path("token_endpoint_auth_methods_supported")));
        known.put(issuer, new Known(metadata, keys(metadata.jwksUri()), Instant.now()));
        return metadata;
    }

    /** Exchanges an authorization code (with its PKCE verifier) at the token endpoint; the ID token it returns. */
    public String exchange(Metadata metadata, String clientId, String clientSecret, String code, String redirectUri,
            String verifier) {
        StringBuilder form = new StringBuilder("grant_type=authorization_code&code=").append(encode(code))
                .append("&redirect_uri=").append(encode(redirectUri)).append("&code_verifier=").append(encode(verifier))
                .append("&client_id=").append(encode(clientId));
        HttpRequest.Builder request = HttpRequest.newBuilder(metadata.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (metadata.clientSecretPost()) {
            form.append("&client_secret=").append(encode(clientSecret));
        } else {
            // RFC 6749 2.3.1: both parts form-encoded before Basic.
            String basic = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode answer = http.json(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())), "token");
        String idToken = answer.path("id_token").asText(null);
        if (idToken == null) {
            throw new OidcException("token", "The token endpoint returned no ID token.");
        }
        return idToken;
    }

    /**
     * The ID token's claims once its signature (against the provider's keys), issuer, audience (and {@code azp}), times
     * and nonce check out.
     */
    public JwtClaims verify(Metadata metadata, String clientId, String idToken, String nonce) {
        Known cached = known.get(metadata.issuer());
        HttpsJwks keys = cached == null ? keys(metadata.jwksUri()) : cached.keys();
        int skew = (int) config.clockSkew().toSeconds();
        // Expiry and issue time against the service's clock, as every other deadline of the service.
        JwtConsumer consumer = new JwtConsumerBuilder().setEvaluationTime(NumericDate.fromMilliseconds(Time.millis()))
                .setRequireExpirationTime().setRequireIssuedAt().setIssuedAtRestrictions(skew, 24 * 3600)
                .setAllowedClockSkewInSeconds(skew).setRequireSubject().setExpectedIssuer(metadata.issuer())
                .setExpectedAudience(clientId).setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ALGORITHMS.toArray(String[]::new))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw keysUnavailable(e).orElseGet(() -> new OidcException("id-token", describe(e)));
        }
        try {
            List<String> audiences = claims.getAudience();
            Object azp = claims.getClaimValue("azp");
            if ((audiences.size() > 1 || azp != null) && !clientId.equals(azp)) {
                throw new OidcException("id-token", "The ID token's azp is not this client.");
            }
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new OidcException("id-token", "The ID token's audience is malformed.");
        }
        if (!nonce.equals(claims.getClaimValue("nonce"))) {
            throw new OidcException("id-token", "The ID token's nonce is not the one this sign-in sent.");
        }
        return claims;
    }

    /** When the token could not be checked because the provider's keys could not be fetched: why. */
    private static Optional<OidcException> keysUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OidcHttp.KeysUnavailable unavailable) {
                return Optional.of(unavailable.problem());
            }
        }
        return Optional.empty();
    }

    private static String describe(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The ID token has expired.";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID)) {
            return "The ID token is for another audience.";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID)) {
            return "The ID token comes from another issuer.";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID)
                || e.getCause() instanceof org.jose4j.lang.UnresolvableKeyException) {
            return "The ID token's signature does not verify against the provider's keys.";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUED_AT_INVALID_FUTURE)
                || e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "The ID token's issue time is out of bounds.";
        }
        return "The ID token is not valid.";
    }

    private HttpsJwks keys(URI jwksUri) {
        HttpsJwks keys = new HttpsJwks(jwksUri.toString());
        keys.setSimpleHttpGet(http.keySets());
        // A key set is refetched at most this often when tokens name keys it lacks.
        keys.setDefaultCacheDuration(3600);
        keys.setRefreshReprieveThreshold(config.jwksRefetchInterval().toMillis());
        return keys;
    }

    private URI endpoint(JsonNode document, String field) {
        String value = document.path(field).asText(null);
        if (value == null) {
            throw new OidcException("discovery", "The discovery document has no " + field + ".");
        }
        try {
            return requireAllowed(URI.create(value));
        } catch (IllegalArgumentException e) {
            throw new OidcException("discovery", "The discovery document's " + field + " is not a URL.");
        }
    }

    private static boolean clientSecretPost(JsonNode methods) {
        if (!methods.isArray() || methods.isEmpty()) {
            return false;
        }
        boolean basic = false;
        boolean post = false;
        for (JsonNode method : methods) {
            basic |= "client_secret_basic".equals(method.asText());
            post |= "client_secret_post".equals(method.asText());
        }
        return post && !basic;
    }

    /** https, or plain http to a loopback address where configuration allows it (dev, test). */
    public URI requireAllowed(URI address) {
        String scheme = address.getScheme();
        if ("https".equalsIgnoreCase(scheme) && address.getHost() != null) {
            return address;
        }
        if ("http".equalsIgnoreCase(scheme) && config.allowHttpLoopback() && loopback(address.getHost())) {
            return address;
        }
        throw new OidcException("discovery", "Identity provider URLs must be https: " + address);
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
