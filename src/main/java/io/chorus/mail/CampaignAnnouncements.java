package io.chorus.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;

/**
 * A campaign that announces itself mails its participants when it starts — the ambassadors of its target groups (or
 * everyone) who take broadcasts — with the campaign's items they can share. Announced once: the mails and the mark are
 * one transaction.
 */
@ApplicationScoped
public class CampaignAnnouncements {

    private final LetterMaker letters;
    private final Outbox outbox;
    private final Tenants tenants;
    private final EntityManager em;

    @Inject
    public CampaignAnnouncements(LetterMaker letters, Outbox outbox, Tenants tenants, EntityManager em) {
        this.letters = letters;
        this.outbox = outbox;
        this.tenants = tenants;
        this.em = em;
    }

    /** Announces every campaign that has started and should announce itself; answers how many. */
    @SuppressWarnings("unchecked")
    public int announceStarted() {
        Instant now = Time.now();
        List<Object[]> due = tenants.callAs(new UUID(0, 0), () -> em.createNativeQuery("select organization_id, id"
                + " from campaigns where announce and announced_at is null and starts_at <= :now and ends_at > :now")
                .setParameter("now", now).getResultList());
        for (Object[] campaign : due) {
            tenants.runAs((UUID) campaign[0], () -> announce((UUID) campaign[0], (UUID) campaign[1]));
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private void announce(UUID organizationId, UUID campaignId) {
        List<Object[]> rows = em
                .createNativeQuery("select name, ends_at from campaigns where organization_id = :org"
                        + " and id = :id and announced_at is null for update")
                .setParameter("org", organizationId).setParameter("id", campaignId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        String name = (String) rows.get(0)[0];
        Instant endsAt = LetterMaker.instant(rows.get(0)[1]);
        Instant now = Time.now();
        LetterContext context = letters.context(organizationId, now);
        List<Candidate> items = letters.candidates(context,
                " and c.id in (select k.content_id from campaign_content k"
                        + " where k.organization_id = :org and k.campaign_id = :campaign)",
                Map.of("campaign", campaignId));
        List<Recipient> members = letters.recipients(organizationId, """
                and m.email_broadcasts
                and (not exists (select 1 from campaign_groups cg where cg.campaign_id = :campaign)
                     or exists (select 1 from campaign_groups cg join group_memberships g
                                  on g.organization_id = cg.organization_id and g.group_id = cg.group_id
                                where cg.campaign_id = :campaign and g.member_id = m.id))""",
                Map.of("campaign", campaignId));
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient member : members) {
            List<Candidate> visible = items.stream().filter(c -> c.visibleTo(member)).toList();
            mails.add(letters.letter(context, member, MailKind.CAMPAIGN_START,
                    "campaign:" + campaignId + ":" + member.id(), visible, null, name, endsAt, null));
        }
        outbox.queue(mails);
        em.createNativeQuery("update campaigns set announced_at = :now where organization_id = :org and id = :id")
                .setParameter("now", now).setParameter("org", organizationId).setParameter("id", campaignId)
                .executeUpdate();
    }
}
