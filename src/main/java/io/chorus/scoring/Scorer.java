package io.chorus.scoring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.chorus.common.tenant.Tenants;
import io.chorus.content.SubmissionApproved;
import io.chorus.scoring.PointsLedger.Award;
import io.chorus.scoring.PointsLedger.Awarded;
import io.chorus.sharing.ShareCreated;
import io.chorus.tenancy.MemberListingChanged;

/**
 * Awards points for what happens in a request — a new share, an approved submission — in that request's transaction, so
 * the award lands exactly when the thing it rewards does. Clicks are awarded by the click writer.
 */
@ApplicationScoped
public class Scorer {

    private final EntityManager em;
    private final Tenants tenants;
    private final Standings standings;

    @Inject
    public Scorer(EntityManager em, Tenants tenants, Standings standings) {
        this.em = em;
        this.tenants = tenants;
        this.standings = standings;
    }

    void shared(@Observes ShareCreated share) {
        award(Award.ruled(share.organizationId(), share.memberId(), ScoringAction.SHARE, "share:" + share.shareId(),
                share.shareId(), share.contentId(), null, share.at()));
    }

    void approved(@Observes SubmissionApproved submission) {
        award(Award.ruled(submission.organizationId(), submission.authorId(), ScoringAction.SUBMISSION_APPROVED,
                "submission:" + submission.contentId(), null, submission.contentId(), null, submission.at()));
    }

    /**
     * Members who are not active, hide from leaderboards or were erased leave the leaderboards (their points stay);
     * whoever is listed again comes back. The members row's {@code listed} decides, in every period at once.
     */
    void listingChanged(@Observes MemberListingChanged change) {
        em.flush();
        em.createNativeQuery("""
                update score_totals t set listed = m.listed from members m
                where t.organization_id = ?1 and t.member_id = ?2 and m.id = t.member_id
                  and m.organization_id = t.organization_id and t.listed <> m.listed""")
                .setParameter(1, tenants.current()).setParameter(2, change.memberId()).executeUpdate();
        standings.changedOnCommit(tenants.current(), List.of(change.memberId()));
    }

    /** Writes awards on the transaction's own connection (after Hibernate's pending changes). */
    public List<Awarded> award(Award... awards) {
        em.flush();
        List<Awarded> written = em.unwrap(Session.class)
                .doReturningWork(connection -> PointsLedger.award(connection, List.of(awards)));
        Standings.byOrganization(List.of(awards)).forEach(standings::changedOnCommit);
        return written;
    }
}
