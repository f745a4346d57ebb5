package io.chorus.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.config.ChorusConfig;
import io.chorus.tenancy.Organization;

/**
 * Mails to an organization's admins about the service's own doing: a webhook endpoint it turned off. Transactional mail
 * (sent whatever the admins' preferences), queued in the caller's transaction and organization, each admin's in their
 * language.
 */
@ApplicationScoped
public class AdminNotices {

    private static final String ADMINS = """
            select m.id, m.email, m.name, m.language from members m
            where m.organization_id = :org and m.status = 'active' and m.erased_at is null and m.email is not null
              and m.roles @> array['admin']::varchar[]
            order by m.id""";

    private final Outbox outbox;
    private final EntityManager em;
    private final ChorusConfig chorus;

    @Inject
    public AdminNotices(Outbox outbox, EntityManager em, ChorusConfig chorus) {
        this.outbox = outbox;
        this.em = em;
        this.chorus = chorus;
    }

    /** Tells the admins that the endpoint at {@code url} was disabled at {@code at}, and the last failure's reason. */
    @SuppressWarnings("unchecked")
    public int webhookDisabled(UUID organizationId, UUID webhookId, String url, String reason, Instant at) {
        String organization = Organization.findByIdOptional(organizationId).map(o -> o.name).orElseThrow();
        List<OutgoingMail> mails = new ArrayList<>();
        for (Object[] admin : (List<Object[]>) em.createNativeQuery(ADMINS).setParameter("org", organizationId)
                .getResultList()) {
            UUID member = (UUID) admin[0];
            var content = Letters.webhookDisabled(organization, (String) admin[2], url, reason, webhookId.toString(),
                    chorus.url("/admin/settings/webhooks/" + webhookId), Letters.locale((String) admin[3]));
            mails.add(new OutgoingMail(organizationId, member, MailKind.WEBHOOK_DISABLED,
                    "webhook-disabled:" + webhookId + ":" + at.toEpochMilli() + ":" + member, (String) admin[1],
                    content, null, null, null, null, null));
        }
        return outbox.queue(mails);
    }
}
