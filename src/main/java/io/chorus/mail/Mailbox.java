package io.chorus.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;

/**
 * The organization's latest mails as the outbox holds them, for the admin UI's mailbox (where the demo's mail goes),
 * and the items a broadcast may send. Sealed secrets (invitation links) are never shown.
 */
@ApplicationScoped
public class Mailbox {

    public record Letter(Instant queuedAt, String kind, String recipient, String subject, String status, String text) {
    }

    public record Choice(UUID id, String title) {
    }

    private final EntityManager em;
    private final Tenants tenants;

    @Inject
    public Mailbox(EntityManager em, Tenants tenants) {
        this.em = em;
        this.tenants = tenants;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Letter> latest(int count) {
        List<Letter> letters = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em
                .createNativeQuery("select created_at, kind, recipient, subject,"
                        + " status, text_body from mail_outbox where organization_id = :org"
                        + " order by created_at desc, id desc limit :count")
                .setParameter("org", tenants.current()).setParameter("count", count).getResultList()) {
            letters.add(new Letter(LetterMaker.instant(row[0]), (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], ((String) row[5]).replace(Outbox.SECRET, "(link sent by mail only)")));
        }
        return letters;
    }

    /** The latest published items a curator may broadcast. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Choice> broadcastable(int count) {
        Instant now = Time.now();
        List<Choice> choices = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select c.id, c.title from content c"
                + " where c.organization_id = :org and c.status in ('published', 'scheduled') and c.published_at <= :now"
                + " and (c.expires_at is null or c.expires_at > :now) order by c.published_at desc, c.id desc"
                + " limit :count").setParameter("org", tenants.current()).setParameter("now", now)
                .setParameter("count", count).getResultList()) {
            choices.add(new Choice((UUID) row[0], (String) row[1]));
        }
        return choices;
    }
}
