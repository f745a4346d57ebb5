package io.chorus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.ForgedTokens;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * The classic attacks on JWTs, each with an admin's real claims: every one is a 401 problem, on a read and on a write,
 * and a well-formed token with the same claims is accepted (so the 401s are about the attack).
 */
@QuarkusTest
class JwtAttackTest {

    @Test
    void forgedTokensAreRefused() throws Exception {
        Org org = Organizations.create();
        Person admin = org.admin();
        Set<String> roles = Set.of("admin");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", admin.id());
        claims.put("upn", admin.email());
        claims.put("groups", new String[] { "admin" });
        claims.put("org", org.id());
        claims.put("iat", now);
        claims.put("exp", now + 300);

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", ForgedTokens.unsigned(admin, org.id(), roles));
        attacks.put("alg none, upper case", unsigned("NONE", claims));
        attacks.put("HS256 keyed with the public key", hs256WithPublicKey(claims));
        attacks.put("expired", ForgedTokens.expired(admin, org.id(), roles));
        attacks.put("issued in the future", Jwt.issuer(issuer()).subject(admin.id()).upn(admin.email()).groups(roles)
                .claim("org", org.id()).issuedAt(now + 3600).expiresAt(now + 3900).sign());
        attacks.put("another key", ForgedTokens.signedByAnotherKey(admin, org.id(), roles));
        attacks.put("wrong issuer", ForgedTokens.wrongIssuer(admin, org.id(), roles));
        attacks.put("missing org",
                Jwt.issuer(issuer()).subject(admin.id()).upn(admin.email()).groups(roles).expiresIn(300).sign());
        attacks.put("org not an id", Jwt.issuer(issuer()).subject(admin.id()).upn(admin.email()).groups(roles)
                .claim("org", "' or 1=1 --").expiresIn(300).sign());
        attacks.put("signature stripped", stripSignature(ForgedTokens.valid(admin, org.id(), roles)));

        Api.as(ForgedTokens.valid(admin, org.id(), roles)).get("/api/v1/members").then().statusCode(200);
        Api.as(ForgedTokens.valid(admin, org.id(), roles)).get("/api/v1/audit-events").then().statusCode(200);
        for (var attack : attacks.entrySet()) {
            for (Response response : new Response[] { Api.as(attack.getValue()).get("/api/v1/members"),
                    Api.as(attack.getValue()).get("/api/v1/audit-events"),
                    Api.as(attack.getValue()).body(Map.of("text", "Hijacked")).put("/api/v1/charter") }) {
                assertThat(response.statusCode()).as(attack.getKey()).isEqualTo(401);
                assertThat(response.contentType()).as(attack.getKey()).startsWith("application/problem+json");
            }
        }
        Api.as(admin.token()).get("/api/v1/charter").then().statusCode(404);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("chorus.public-base-url", String.class);
    }

    private static String unsigned(String alg, Map<String, Object> claims) {
        return b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(json(claims)) + ".";
    }

    /** The "key confusion" attack: HMAC-SHA256 keyed with the bytes of the service's public key file. */
    private static String hs256WithPublicKey(Map<String, Object> claims) throws Exception {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        byte[] key = Files
                .readAllBytes(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(json(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String json(Map<String, Object> claims) {
        StringBuilder out = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
            if (value instanceof String s) {
                out.append('"').append(s).append('"');
            } else if (value instanceof String[] values) {
                out.append("[\"").append(String.join("\",\"", values)).append("\"]");
            } else {
                out.append(value);
            }
        });
        return out.append('}').toString();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
