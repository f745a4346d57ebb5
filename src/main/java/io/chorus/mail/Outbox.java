package io.chorus.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.chorus.common.Sealing;
import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.persistence.Jdbc;

/**
 * Queues mails in the outbox, in the caller's transaction: a mail exists exactly when what caused it was committed. A
 * mail whose dedupe key its organization already has is not queued again.
 */
@ApplicationScoped
public class Outbox {

    /** Where a mail's body holds its sealed secret. */
    public static final String SECRET = "{{chorus-sealed-secret}}";

    private static final String INSERT = """
            insert into mail_outbox (id, organization_id, member_id, kind, dedupe_key, recipient, subject, text_body,
                                     html_body, sealed_secret, unsubscribe_url, broadcast_id, invitation_id,
                                     next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (organization_id, dedupe_key) do nothing""";

    private final EntityManager em;
    private final byte[] key;

    @Inject
    public Outbox(EntityManager em, ChorusConfig config) {
        this.em = em;
        this.key = key(config);
    }

    static byte[] key(ChorusConfig config) {
        return SecretTokens.hmac(config.secret().getBytes(StandardCharsets.UTF_8), "mail-outbox-secrets");
    }

    /** Queues the mails in the current transaction; answers how many were new. */
    public int queue(Collection<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        em.flush();
        Instant now = Time.now();
        List<Object[]> rows = mails.stream()
                .map(mail -> new Object[] { UUID.randomUUID(), mail.organizationId(), mail.memberId(), mail.kind().id(),
                        mail.dedupeKey(), mail.recipient(), mail.content().subject(), mail.content().text(),
                        mail.content().html(), mail.secret() == null ? null : Sealing.seal(key, mail.secret()),
                        mail.unsubscribeUrl(), mail.broadcastId(), mail.invitationId(),
                        mail.notBefore() == null ? now : mail.notBefore(), now })
                .toList();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int queued = 0;
            for (int count : Jdbc.batch(connection, INSERT, rows)) {
                queued += count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            return queued;
        });
    }
}
