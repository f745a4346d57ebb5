package io.chorus.sharing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.config.ChorusConfig;
import io.chorus.content.Network;

/**
 * One-click share tokens: organization, member, content, network and expiry, signed with HMAC-SHA256 under a key
 * derived from the server secret. Compact binary claims keep the links short enough for email and chat:
 * base64url(claims) "." base64url(mac).
 */
@ApplicationScoped
public class ShareLinkTokens {

    public record Claims(UUID organizationId, UUID memberId, UUID contentId, Network network, Instant expiresAt) {
    }

    /** Why a token was refused. */
    public enum Refusal {
        TAMPERED, EXPIRED
    }

    public record Verified(Optional<Claims> claims, Optional<Refusal> refusal) {
    }

    private static final int CLAIMS_BYTES = 16 * 3 + 1 + 8;
    private final byte[] key;

    @Inject
    public ShareLinkTokens(ChorusConfig config) {
        this.key = SecretTokens.hmac(config.secret().getBytes(StandardCharsets.UTF_8), "one-click-share-links");
    }

    public String sign(Claims claims) {
        ByteBuffer buffer = ByteBuffer.allocate(CLAIMS_BYTES);
        put(buffer, claims.organizationId());
        put(buffer, claims.memberId());
        put(buffer, claims.contentId());
        buffer.put((byte) claims.network().ordinal());
        buffer.putLong(claims.expiresAt().getEpochSecond());
        byte[] payload = buffer.array();
        return encode(payload, mac(payload));
    }

    private static String encode(byte[] payload, byte[] signature) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(payload) + "." + encoder.encodeToString(signature);
    }

    public Verified verify(String token, Instant now) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                return refused(Refusal.TAMPERED);
            }
            Base64.Decoder decoder = Base64.getUrlDecoder();
            byte[] payload = decoder.decode(token.substring(0, dot));
            byte[] signature = decoder.decode(token.substring(dot + 1));
            // Only the canonical spelling: base64's unused trailing bits must not make a second valid token.
            if (payload.length != CLAIMS_BYTES || !MessageDigest.isEqual(signature, mac(payload))
                    || !token.equals(encode(payload, signature))) {
                return refused(Refusal.TAMPERED);
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID organization = uuid(buffer);
            UUID member = uuid(buffer);
            UUID content = uuid(buffer);
            int network = buffer.get();
            Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
            if (network < 0 || network >= Network.values().length) {
                return refused(Refusal.TAMPERED);
            }
            if (!now.isBefore(expiresAt)) {
                return refused(Refusal.EXPIRED);
            }
            return new Verified(
                    Optional.of(new Claims(organization, member, content, Network.values()[network], expiresAt)),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return refused(Refusal.TAMPERED);
        }
    }

    private byte[] mac(byte[] payload) {
        return SecretTokens.hmac(key, Base64.getEncoder().encodeToString(payload));
    }

    private static Verified refused(Refusal refusal) {
        return new Verified(Optional.empty(), Optional.of(refusal));
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
