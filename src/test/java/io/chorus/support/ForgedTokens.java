package io.chorus.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens that must be refused: expired, signed by another key, from another issuer, unsigned. */
public final class ForgedTokens {

    private static final KeyPair OTHER_KEY = otherKey();

    private ForgedTokens() {
    }

    static String issuer() {
        return ConfigProvider.getConfig().getValue("chorus.public-base-url", String.class);
    }

    private static JwtClaimsBuilder claims(Organizations.Person person, String organizationId, Set<String> roles) {
        return Jwt.issuer(issuer()).subject(person.id()).upn(person.email()).groups(roles).claim("org", organizationId);
    }

    /** A token exactly like the service's own (right key, issuer, claims): the control case. */
    public static String valid(Organizations.Person person, String organizationId, Set<String> roles) {
        return claims(person, organizationId, roles).expiresIn(300).sign();
    }

    public static String expired(Organizations.Person person, String organizationId, Set<String> roles) {
        Instant past = Instant.now().minusSeconds(600);
        return claims(person, organizationId, roles).issuedAt(past.minusSeconds(300)).expiresAt(past).sign();
    }

    public static String signedByAnotherKey(Organizations.Person person, String organizationId, Set<String> roles) {
        return claims(person, organizationId, roles).expiresIn(300).sign(OTHER_KEY.getPrivate());
    }

    public static String wrongIssuer(Organizations.Person person, String organizationId, Set<String> roles) {
        return Jwt.issuer("https://attacker.example").subject(person.id()).upn(person.email()).groups(roles)
                .claim("org", organizationId).expiresIn(300).sign();
    }

    /** The right claims with {@code alg: none} and no signature. */
    public static String unsigned(Organizations.Person person, String organizationId, Set<String> roles) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = b64("{\"iss\":\"" + issuer() + "\",\"sub\":\"" + person.id() + "\",\"upn\":\"" + person.email()
                + "\",\"groups\":[\"admin\"],\"org\":\"" + organizationId + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 300) + "}");
        return header + "." + payload + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
