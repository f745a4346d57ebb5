package io.chorus.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import io.chorus.common.SecretTokens;
import io.chorus.common.config.ChorusConfig;

/**
 * The Standard Webhooks signature: a secret {@code whsec_<base64 of 32 random bytes>}, and for each attempt
 * {@code webhook-signature: v1,<base64 of HMAC-SHA256("<webhook-id>.<webhook-timestamp>.<body>")>} keyed with the
 * secret's bytes (the base64 after {@code whsec_}).
 */
final class WebhookSignatures {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new signing secret. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The {@code webhook-id} of a message. */
    static String messageId(UUID message) {
        return "msg_" + message.toString().replace("-", "");
    }

    /** The {@code webhook-signature} header of one attempt. */
    static String sign(String secret, String messageId, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        return "v1,"
                + Base64.getEncoder().encodeToString(SecretTokens.hmac(key, messageId + "." + timestamp + "." + body));
    }

    /** The key secrets are sealed with in the database, derived from the server secret. */
    static byte[] sealingKey(ChorusConfig chorus) {
        return SecretTokens.hmac(chorus.secret().getBytes(StandardCharsets.UTF_8), "webhook-secrets");
    }
}
