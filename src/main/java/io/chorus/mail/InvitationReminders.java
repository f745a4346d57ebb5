package io.chorus.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;
import io.chorus.tenancy.InvitationService;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberStatus;

/**
 * Reminds invited members who have not accepted: {@code chorus.mail.reminders.after} (3 and 10 days) after the
 * invitation an admin sent, each reminder with a new link of its own. A new invitation from an admin starts over.
 */
@ApplicationScoped
public class InvitationReminders {

    /** Invited members, the time of their latest invitation from an admin, and the reminders sent since. */
    private static final String PENDING = """
            select m.organization_id, m.id, o.created_at,
                   (select count(*) from invitations r where r.organization_id = m.organization_id
                      and r.member_id = m.id and r.reminder > 0 and r.created_at >= o.created_at)
            from members m
            cross join lateral (select i.created_at from invitations i
                                where i.organization_id = m.organization_id and i.member_id = m.id and i.reminder = 0
                                order by i.created_at desc limit 1) o
            where m.status = 'invited' and m.erased_at is null and o.created_at <= :first""";

    private final MailConfig config;
    private final InvitationService invitations;
    private final Tenants tenants;
    private final EntityManager em;

    @Inject
    public InvitationReminders(MailConfig config, InvitationService invitations, Tenants tenants, EntityManager em) {
        this.config = config;
        this.invitations = invitations;
        this.tenants = tenants;
        this.em = em;
    }

    /** Sends the reminders that are due; answers how many. */
    @SuppressWarnings("unchecked")
    public int remindDue() {
        List<Duration> after = config.reminders().after();
        if (!config.reminders().enabled() || after.isEmpty()) {
            return 0;
        }
        Instant now = Time.now();
        List<Object[]> pending = tenants.callAs(new UUID(0, 0),
                () -> em.createNativeQuery(PENDING).setParameter("first", now.minus(after.get(0))).getResultList());
        int reminded = 0;
        for (Object[] row : pending) {
            int sent = ((Number) row[3]).intValue();
            Instant invitedAt = LetterMaker.instant(row[2]);
            if (sent < after.size() && !now.isBefore(invitedAt.plus(after.get(sent)))) {
                tenants.runAs((UUID) row[0], () -> remind((UUID) row[1], sent + 1));
                reminded++;
            }
        }
        return reminded;
    }

    private void remind(UUID memberId, int reminder) {
        Member member = Member.<Member> findByIdOptional(memberId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (member != null && member.status == MemberStatus.INVITED && !member.isErased()) {
            invitations.remind(member, reminder);
        }
    }
}
