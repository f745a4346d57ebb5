package io.chorus.trust;

import static io.chorus.common.persistence.Columns.instant;
import static io.chorus.common.persistence.Columns.number;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.AuditEvent;
import io.chorus.common.audit.AuditEventView;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.mail.EmailPreferencesService;
import io.chorus.scoring.LeaderboardService;
import io.chorus.scoring.ScoringAction;
import io.chorus.scoring.ScoringViews.LedgerEntry;
import io.chorus.sharing.Share;
import io.chorus.sharing.ShareService;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.Invitation;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.Organization;
import io.chorus.tenancy.TenancyViews.OrganizationRef;
import io.chorus.trust.PersonalDataViews.CharterAcceptance;
import io.chorus.trust.PersonalDataViews.GroupRef;
import io.chorus.trust.PersonalDataViews.InvitationRecord;
import io.chorus.trust.PersonalDataViews.MailRecord;
import io.chorus.trust.PersonalDataViews.PersonalData;
import io.chorus.trust.PersonalDataViews.Profile;
import io.chorus.trust.PersonalDataViews.Settings;
import io.chorus.trust.PersonalDataViews.ShareRecord;
import io.chorus.trust.PersonalDataViews.Submission;

/**
 * The right of access: everything Chorus holds about the calling member, read in one transaction so that the document
 * is consistent. Visitor ids are never part of it (they are about the people who clicked, not the member): only what
 * each share's clicks counted.
 */
@ApplicationScoped
public class PersonalDataService {

    private final EntityManager em;
    private final Tenants tenants;
    private final ChorusConfig config;
    private final LeaderboardService leaderboards;
    private final EmailPreferencesService emailPreferences;

    @Inject
    public PersonalDataService(EntityManager em, Tenants tenants, ChorusConfig config, LeaderboardService leaderboards,
            EmailPreferencesService emailPreferences) {
        this.leaderboards = leaderboards;
        this.em = em;
        this.tenants = tenants;
        this.config = config;
        this.emailPreferences = emailPreferences;
    }

    @Transactional
    public PersonalData export(UUID memberId) {
        Instant now = Time.now();
        Member member = Member.findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("This member"));
        Organization organization = Organization.findByIdOptional(member.organization()).orElseThrow();
        return new PersonalData(now, new OrganizationRef(organization.id, organization.slug, organization.name),
                new Profile(member.id, member.email, member.name, member.givenName, member.familyName,
                        member.externalId, member.roles(), member.language, member.status, member.createdAt,
                        member.updatedAt),
                new Settings(member.leaderboardVisible), emailPreferences.get(memberId), groups(memberId),
                invitations(memberId), charterAcceptances(memberId), shares(memberId), ledger(memberId),
                leaderboards.badges(memberId), submissions(memberId, now), mails(memberId), auditTrail(memberId));
    }

    private static List<GroupRef> groups(UUID memberId) {
        return Group
                .<Group> list("id in (select m.id.groupId from GroupMembership m where m.id.memberId = ?1)"
                        + " order by lower(name), id", memberId)
                .stream().map(g -> new GroupRef(g.id, g.name, g.kind)).toList();
    }

    private static List<InvitationRecord> invitations(UUID memberId) {
        return Invitation.<Invitation> list("memberId = ?1 order by createdAt, id", memberId).stream()
                .map(i -> new InvitationRecord(i.id, i.createdAt, i.expiresAt, i.acceptedAt, i.revokedAt)).toList();
    }

    private List<CharterAcceptance> charterAcceptances(UUID memberId) {
        return rows("""
                select version, accepted_at from charter_acceptances
                where organization_id = ?1 and member_id = ?2 order by version""", memberId)
                .map(r -> new CharterAcceptance(((Number) r[0]).intValue(), instant(r[1]))).toList();
    }

    private List<ShareRecord> shares(UUID memberId) {
        List<Share> shares = Share.list("memberId = ?1 order by createdAt desc, id desc", memberId);
        Map<UUID, String> titles = Content
                .<Content> list("id in (select s.contentId from Share s where s.memberId = ?1)", memberId).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.title));
        Map<UUID, Object[]> counts = rows(
                "select share_id, " + ShareService.CLICK_COUNTS + " from click_events where organization_id = ?1"
                        + " and share_id in (select id from shares where organization_id = ?1 and member_id = ?2)"
                        + " group by share_id",
                memberId).collect(Collectors.toMap(r -> (UUID) r[0], Function.identity()));
        Object[] none = { null, 0L, 0L, 0L, 0L };
        return shares.stream().map(s -> {
            Object[] c = counts.getOrDefault(s.id, none);
            return new ShareRecord(s.id, s.contentId, titles.get(s.contentId), s.network, s.message,
                    config.url("/s/" + s.code), s.createdAt, number(c[1]), number(c[2]), number(c[3]), number(c[4]));
        }).toList();
    }

    private List<LedgerEntry> ledger(UUID memberId) {
        return rows("""
                select id, action, points, requested - points, share_id, content_id, reason, at from points_ledger
                where organization_id = ?1 and member_id = ?2 order by id""", memberId)
                .map(r -> new LedgerEntry(number(r[0]), memberId, ScoringAction.of((String) r[1]),
                        ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (UUID) r[4], (UUID) r[5], (String) r[6],
                        instant(r[7])))
                .toList();
    }

    private static List<Submission> submissions(UUID memberId, Instant now) {
        return Content.<Content> list("authorId = ?1 order by createdAt desc, id desc", memberId).stream()
                .map(c -> new Submission(c.id, c.title, c.url, c.body, c.language, c.statusAt(now), c.createdAt))
                .toList();
    }

    /** The mails queued for the member, newest first, for as long as the outbox keeps them; never their bodies. */
    private List<MailRecord> mails(UUID memberId) {
        return rows("""
                select kind, recipient, subject, status, created_at, sent_at from mail_outbox
                where organization_id = ?1 and member_id = ?2 order by created_at desc, id desc""", memberId)
                .map(r -> new MailRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3], instant(r[4]),
                        instant(r[5])))
                .toList();
    }

    /** What the organization's audit trail says the member did, or was done to them. */
    private static List<AuditEventView> auditTrail(UUID memberId) {
        return AuditEvent
                .<AuditEvent> list(
                        "actorId = ?1 or (targetType = 'member' and targetId = ?1) order by at desc, id desc", memberId)
                .stream()
                .map(e -> new AuditEventView(e.id, e.at, e.actorId, e.action, e.targetType, e.targetId, e.detail))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Stream<Object[]> rows(String sql, UUID memberId) {
        return ((List<Object[]>) em.createNativeQuery(sql).setParameter(1, tenants.current()).setParameter(2, memberId)
                .getResultList()).stream();
    }
}
