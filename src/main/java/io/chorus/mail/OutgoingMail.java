package io.chorus.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail to queue: rendered, addressed, and unique in its organization by {@code dedupeKey}. {@code secret}, when set,
 * is what the bodies' {@link Outbox#SECRET} placeholder stands for: it is stored sealed and put in at sending.
 */
public record OutgoingMail(UUID organizationId, UUID memberId, MailKind kind, String dedupeKey, String recipient,
        Rendered content, String secret, String unsubscribeUrl, UUID broadcastId, UUID invitationId,
        Instant notBefore) {

    /** A mail's subject and bodies. */
    public record Rendered(String subject, String text, String html) {
    }
}
