package io.chorus.trust;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.RefreshToken;
import io.chorus.tenancy.Invitation;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberDeactivated;
import io.chorus.tenancy.MemberListingChanged;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.MembershipChanged;

/**
 * The right to erasure. The member's row stays, as an anonymous identity, so that their shares, clicks and points keep
 * counting in the organization's figures (an erasure never changes a published figure); what said who they were goes,
 * for good, in one transaction:
 * <ul>
 * <li>name (replaced by a neutral label) and its parts, email, the identity provider's id for them, password hash; the
 * member is deactivated and never listed on a leaderboard again;</li>
 * <li>refresh tokens, invitations, remembered idempotent answers and the visitor ids their browser was seen with (the
 * access tokens they still hold are refused from the next request on: {@code TokenChecks});</li>
 * <li>the free texts they wrote: the exact messages of their shares become empty, and their submissions that were never
 * published (awaiting review or rejected) are deleted; published ones are the organization's content and stay, credited
 * to the anonymous identity;</li>
 * <li>the free texts written about them: the reasons of their point adjustments, in the ledger and the audit trail,
 * become {@code (erased)}.</li>
 * </ul>
 * Group memberships, roles, language, charter acceptances and the audit trail's entries stay: they hold ids, not
 * personal data, and group figures must not change.
 */
@ApplicationScoped
public class ErasureService {

    /** What replaces a free text written about an erased member. */
    static final String ERASED_TEXT = "(erased)";

    private final EntityManager em;
    private final Tenants tenants;
    private final Audit audit;
    private final Event<MemberListingChanged> listingChanged;
    private final Event<MembershipChanged> membershipChanged;
    private final Event<MemberDeactivated> deactivated;

    @Inject
    public ErasureService(EntityManager em, Tenants tenants, Audit audit, Event<MemberListingChanged> listingChanged,
            Event<MembershipChanged> membershipChanged, Event<MemberDeactivated> deactivated) {
        this.em = em;
        this.tenants = tenants;
        this.audit = audit;
        this.listingChanged = listingChanged;
        this.membershipChanged = membershipChanged;
        this.deactivated = deactivated;
    }

    /** Erases the member; erasing one already erased changes nothing. */
    @Transactional
    public void erase(UUID memberId, UUID actorId) {
        // Locked, so that two erasures of one member queue up and the second finds it erased.
        Member member = Member.<Member> findByIdOptional(memberId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("This member"));
        if (member.isErased()) {
            return;
        }
        Instant now = Time.now();
        boolean wasActive = member.status == MemberStatus.ACTIVE;
        member.name = Member.ERASED_NAME;
        member.email = null;
        member.givenName = null;
        member.familyName = null;
        member.externalId = null;
        member.passwordHash = null;
        member.status = MemberStatus.DEACTIVATED;
        member.erasedAt = now;
        member.updatedAt = now;
        member.flush();
        if (Member.countActiveAdmins() == 0) {
            throw ProblemException.conflict("last-admin", "The organization must keep at least one active admin.");
        }
        listingChanged.fire(new MemberListingChanged(member.id));
        membershipChanged.fire(new MembershipChanged(tenants.current())); // deactivated: no longer an active ambassador
        if (wasActive) {
            deactivated.fire(new MemberDeactivated(tenants.current(), member.id));
        }
        RefreshToken.deleteAllOf(member.id);
        Invitation.delete("memberId", member.id);
        execute("delete from idempotency_records where principal = ?1", member.id.toString());
        // Their mails keep counting (a broadcast's sent mails) but no longer say whom they were for or what they said.
        execute("""
                update mail_outbox set recipient = null, subject = '', text_body = '', html_body = '',
                    sealed_secret = null, unsubscribe_url = null,
                    status = case when status in ('queued', 'sending') then 'cancelled' else status end
                where organization_id = ?1 and member_id = ?2""", tenants.current(), member.id);
        execute("delete from sharer_visitors where organization_id = ?1 and member_id = ?2", tenants.current(),
                member.id);
        int shares = execute("update shares set message = '' where organization_id = ?1 and member_id = ?2",
                tenants.current(), member.id);
        execute("""
                delete from campaign_content k using content c
                where c.organization_id = ?1 and c.author_id = ?2 and c.status in ('pending_review', 'rejected')
                  and k.organization_id = c.organization_id and k.content_id = c.id""", tenants.current(), member.id);
        execute("""
                delete from content_targets t using content c
                where c.organization_id = ?1 and c.author_id = ?2 and c.status in ('pending_review', 'rejected')
                  and t.organization_id = c.organization_id and t.content_id = c.id""", tenants.current(), member.id);
        int submissions = execute("""
                delete from content where organization_id = ?1 and author_id = ?2
                  and status in ('pending_review', 'rejected')""", tenants.current(), member.id);
        execute("""
                update points_ledger set reason = ?3
                where organization_id = ?1 and member_id = ?2 and action = 'adjustment' and reason <> ?3""",
                tenants.current(), member.id, ERASED_TEXT);
        execute("""
                update audit_events set detail = jsonb_set(detail, '{reason}', to_jsonb(cast(?3 as text)))
                where organization_id = ?1 and target_type = 'member' and target_id = ?2
                  and detail ->> 'reason' is not null""", tenants.current(), member.id, ERASED_TEXT);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sharesEmptied", shares);
        detail.put("submissionsDeleted", submissions);
        audit.record(actorId, "member.erased", "member", member.id, detail);
    }

    private int execute(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
