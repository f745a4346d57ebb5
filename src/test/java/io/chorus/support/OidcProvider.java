package io.chorus.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.chorus.common.Time;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID provider on 127.0.0.1 for the SSO tests: Discovery, a JWKS whose keys rotate, an authorization endpoint
 * with a small login form, and a token endpoint that checks the client's credentials, the code, the redirect URI and
 * the PKCE verifier before it returns an ID token signed RS256 with jose4j. {@link #next} holds knobs that spoil the
 * next ID tokens, one failure case each.
 */
public class OidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "chorus-test-client";
    public static final String CLIENT_SECRET = "test-client-secret-0123456789";

    /** Ways to spoil what the provider answers; reset before each test. */
    public static final class Knobs {
        public volatile String audience;
        public volatile List<String> extraAudiences = List.of();
        public volatile String issuer;
        public volatile boolean expired;
        public volatile String nonce;
        /** Sign with a key the JWKS never serves. */
        public volatile boolean unknownKey;
        /** The authorization endpoint answers with this error instead of a code. */
        public volatile String authorizationError;
        /** The token endpoint answers 400 with this error. */
        public volatile String tokenError;
        /** As Microsoft Entra ID: no email_verified, the verification in xms_edov (an optional claim). */
        public volatile boolean entra;
    }

    public static final Knobs next = new Knobs();

    /** A person who can sign in here: their claims. */
    public record User(String subject, String email, boolean emailVerified, String givenName, String familyName,
            List<String> groups) {
    }

    private record Grant(User user, String clientId, String redirectUri, String challenge, String nonce) {
    }

    private static HttpServer server;
    private static final Map<String, User> USERS = new ConcurrentHashMap<>();
    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static final List<RsaJsonWebKey> SERVED = new ArrayList<>();
    private static volatile RsaJsonWebKey current;
    private static volatile int jwksFetches;

    public static String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void reset() {
        next.audience = null;
        next.extraAudiences = List.of();
        next.issuer = null;
        next.expired = false;
        next.nonce = null;
        next.unknownKey = false;
        next.authorizationError = null;
        next.tokenError = null;
        next.entra = false;
    }

    public static void addUser(User user) {
        USERS.put(user.email(), user);
    }

    /** A new signing key: the JWKS serves it beside the older ones, and ID tokens are signed with it from now on. */
    public static synchronized String rotateKey() {
        RsaJsonWebKey key = newKey();
        SERVED.add(key);
        current = key;
        return key.getKeyId();
    }

    public static int jwksFetches() {
        return jwksFetches;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        rotateKey();
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                 "code_challenge_methods_supported": ["S256"]}""".formatted(issuer())));
        server.createContext("/jwks", exchange -> {
            jwksFetches++;
            String keys;
            synchronized (OidcProvider.class) {
                keys = new JsonWebKeySet(new ArrayList<>(SERVED)).toJson();
            }
            json(exchange, 200, keys);
        });
        server.createContext("/authorize", OidcProvider::authorize);
        server.createContext("/token", OidcProvider::token);
        server.start();
        // The service on a port known now, with its public URL on it: the provider sends browsers back there.
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.http.test-port", String.valueOf(port), "chorus.public-base-url",
                "http://localhost:" + port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** GET: the login form, carrying the request on; POST (the form): back to the client with a code. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            query.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String redirectUri = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || !"code".equals(query.get("response_type"))) {
            html(exchange, 400, "<p>invalid_request</p>");
            return;
        }
        if (next.authorizationError != null) {
            redirect(exchange, redirectUri + "?error=" + encode(next.authorizationError) + "&error_description="
                    + encode("The user said no") + "&state=" + encode(query.get("state")));
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            StringBuilder hidden = new StringBuilder();
            query.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"")
                    .append(v.replace("\"", "&quot;")).append("\">"));
            html(exchange, 200,
                    "<!DOCTYPE html><html><body><h1>Test IdP</h1><form method=\"post\" action=\"/authorize\">" + hidden
                            + "<label for=\"username\">Email</label><input id=\"username\" name=\"username\">"
                            + "<button id=\"kc-login\" type=\"submit\">Sign in</button></form></body></html>");
            return;
        }
        User user = USERS.get(query.getOrDefault("username", ""));
        if (user == null) {
            html(exchange, 401, "<p>Unknown user</p>");
            return;
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, new Grant(user, CLIENT_ID, redirectUri, query.get("code_challenge"), query.get("nonce")));
        redirect(exchange, redirectUri + "?code=" + code + "&state=" + encode(query.get("state")));
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        if (next.tokenError != null) {
            json(exchange, 400, "{\"error\": \"" + next.tokenError + "\"}");
            return;
        }
        Grant grant = CODES.remove(body.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !grant.challenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
            json(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        json(exchange, 200, "{\"access_token\": \"at-" + UUID.randomUUID() + "\", \"token_type\": \"Bearer\","
                + " \"expires_in\": 300, \"id_token\": \"" + idToken(grant) + "\"}");
    }

    private static String idToken(Grant grant) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(next.issuer != null ? next.issuer : issuer());
        List<String> audiences = new ArrayList<>();
        audiences.add(next.audience != null ? next.audience : grant.clientId());
        audiences.addAll(next.extraAudiences);
        claims.setAudience(audiences);
        claims.setSubject(grant.user().subject());
        // The service's clock, which the tests may move: the provider and the service agree on what now is.
        long now = Time.now().getEpochSecond();
        if (next.expired) {
            claims.setIssuedAt(NumericDate.fromSeconds(now - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(now - 600));
        } else {
            claims.setIssuedAt(NumericDate.fromSeconds(now));
            claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        }
        claims.setClaim("nonce", next.nonce != null ? next.nonce : grant.nonce());
        claims.setClaim("email", grant.user().email());
        claims.setClaim(next.entra ? "xms_edov" : "email_verified", grant.user().emailVerified());
        claims.setClaim("given_name", grant.user().givenName());
        claims.setClaim("family_name", grant.user().familyName());
        claims.setClaim("name", grant.user().givenName() + " " + grant.user().familyName());
        claims.setStringListClaim("groups", grant.user().groups());
        RsaJsonWebKey key = next.unknownKey ? newKey() : current;
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query or form parameters of a URL or body. */
    public static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    public static Map<String, String> query(String url) {
        return form(URI.create(url).getRawQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", body);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
