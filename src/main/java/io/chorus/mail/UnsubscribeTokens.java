package io.chorus.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.config.ChorusConfig;

/**
 * Unsubscribe links: the organization and the member, signed with HMAC-SHA256 under a key derived from the server
 * secret, so that a link works without signing in and names nobody else. They do not expire: an old digest's link must
 * still unsubscribe. base64url(claims || first 16 bytes of the mac).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** Whom a link unsubscribes. */
    public record Claims(UUID organizationId, UUID memberId) {
    }

    private static final int CLAIMS_BYTES = 32;
    private static final int MAC_BYTES = 16;
    private final byte[] key;
    private final ChorusConfig chorus;

    @Inject
    public UnsubscribeTokens(ChorusConfig chorus) {
        this.chorus = chorus;
        this.key = SecretTokens.hmac(chorus.secret().getBytes(StandardCharsets.UTF_8), "mail-unsubscribe-links");
    }

    /** The member's unsubscribe link. */
    public String url(UUID organizationId, UUID memberId) {
        ByteBuffer claims = ByteBuffer.allocate(CLAIMS_BYTES);
        claims.putLong(organizationId.getMostSignificantBits()).putLong(organizationId.getLeastSignificantBits());
        claims.putLong(memberId.getMostSignificantBits()).putLong(memberId.getLeastSignificantBits());
        byte[] payload = claims.array();
        byte[] token = ByteBuffer.allocate(CLAIMS_BYTES + MAC_BYTES).put(payload).put(mac(payload)).array();
        return chorus.url("/unsubscribe/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    public Optional<Claims> verify(String token) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length != CLAIMS_BYTES + MAC_BYTES
                    || !token.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                return Optional.empty();
            }
            byte[] payload = Arrays.copyOf(bytes, CLAIMS_BYTES);
            if (!MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, CLAIMS_BYTES, bytes.length))) {
                return Optional.empty();
            }
            ByteBuffer claims = ByteBuffer.wrap(payload);
            return Optional.of(new Claims(new UUID(claims.getLong(), claims.getLong()),
                    new UUID(claims.getLong(), claims.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        return Arrays.copyOf(SecretTokens.hmac(key, Base64.getEncoder().encodeToString(payload)), MAC_BYTES);
    }
}
