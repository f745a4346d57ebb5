package io.chorus.common.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.chorus.common.SecretTokens;

/**
 * AES-GCM (the JDK's) under a key derived with HMAC-SHA256 from the server secret and the client's own Idempotency-Key,
 * which is stored only as a hash: a stored response can be read back only by a request that presents the key again.
 */
final class SealedBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final byte[] serverSecret;

    SealedBody(String serverSecret) {
        this.serverSecret = serverSecret.getBytes(StandardCharsets.UTF_8);
    }

    String seal(String principal, String idempotencyKey, String body) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, principal, idempotencyKey, iv);
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(String principal, String idempotencyKey, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, principal, idempotencyKey, Arrays.copyOf(bytes, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode, String principal, String idempotencyKey, byte[] iv)
            throws GeneralSecurityException {
        byte[] key = SecretTokens.hmac(serverSecret, "idempotency:" + principal + ":" + idempotencyKey);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}
