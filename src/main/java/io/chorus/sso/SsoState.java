package io.chorus.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.SecretTokens;

/**
 * What a started sign-in must remember until the identity provider sends the person back: kept in the browser, in a
 * short-lived cookie signed with a key derived from the server secret (HMAC-SHA256), so nothing is stored before the
 * callback. {@code landing} is {@code app}, {@code admin} or {@code client} (an API client's {@code redirectUri});
 * {@code lang} is the language of the page the sign-in started from, which its error pages speak.
 */
public record SsoState(UUID organizationId, UUID providerId, String state, String nonce, String verifier,
        String landing, String redirectUri, String clientState, String next, long expiresAt, String lang) {

    public static final String COOKIE = "chorus_sso";

    public boolean expired(Instant now) {
        return now.getEpochSecond() >= expiresAt;
    }

    String encode(ObjectMapper json, byte[] key) {
        try {
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
            return payload + "." + signature(key, payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state in a cookie, if its signature is this server's. */
    static Optional<SsoState> decode(ObjectMapper json, byte[] key, String cookie) {
        if (cookie == null || cookie.length() > 4096) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, dot);
        byte[] expected = signature(key, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Base64.getUrlDecoder().decode(payload), SsoState.class));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String signature(byte[] key, String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretTokens.hmac(key, "sso-state:" + payload));
    }
}
