package io.chorus.common.idempotency;

import java.nio.charset.StandardCharsets;

import io.chorus.common.Sealing;
import io.chorus.common.SecretTokens;

/**
 * AES-GCM under a key derived with HMAC-SHA256 from the server secret and the client's own Idempotency-Key, which is
 * stored only as a hash: a stored response can be read back only by a request that presents the key again.
 */
final class SealedBody {

    private final byte[] serverSecret;

    SealedBody(String serverSecret) {
        this.serverSecret = serverSecret.getBytes(StandardCharsets.UTF_8);
    }

    String seal(String principal, String idempotencyKey, String body) {
        return Sealing.seal(key(principal, idempotencyKey), body);
    }

    String open(String principal, String idempotencyKey, String sealed) {
        return Sealing.open(key(principal, idempotencyKey), sealed);
    }

    private byte[] key(String principal, String idempotencyKey) {
        return SecretTokens.hmac(serverSecret, "idempotency:" + principal + ":" + idempotencyKey);
    }
}
