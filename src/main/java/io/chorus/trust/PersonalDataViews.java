package io.chorus.trust;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chorus.common.audit.AuditEventView;
import io.chorus.content.ContentStatus;
import io.chorus.content.Network;
import io.chorus.identity.Role;
import io.chorus.mail.MailViews.EmailPreferences;
import io.chorus.scoring.ScoringViews.Badge;
import io.chorus.scoring.ScoringViews.LedgerEntry;
import io.chorus.tenancy.GroupKind;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.TenancyViews.OrganizationRef;

/** The right of access: everything Chorus holds about a member, as one document. */
public final class PersonalDataViews {

    private PersonalDataViews() {
    }

    public record PersonalData(Instant exportedAt, OrganizationRef organization, Profile profile, Settings settings,
            EmailPreferences emailPreferences, List<GroupRef> groups, List<InvitationRecord> invitations,
            List<CharterAcceptance> charterAcceptances, List<ShareRecord> shares, List<LedgerEntry> pointsLedger,
            List<Badge> badges, List<Submission> submissions, List<MailRecord> mails, List<AuditEventView> auditTrail) {
    }

    /** givenName, familyName and externalId: what the organization's identity provider said (SCIM), else null. */
    public record Profile(UUID id, String email, String name, String givenName, String familyName, String externalId,
            Set<Role> roles, String language, MemberStatus status, Instant createdAt, Instant updatedAt) {
    }

    public record Settings(boolean leaderboardVisible) {
    }

    public record GroupRef(UUID id, String name, GroupKind kind) {
    }

    public record InvitationRecord(UUID id, Instant createdAt, Instant expiresAt, Instant acceptedAt,
            Instant revokedAt) {
    }

    public record CharterAcceptance(int version, Instant acceptedAt) {
    }

    /** A share with its exact message and what its short link counted (never who clicked). */
    public record ShareRecord(UUID id, UUID contentId, String contentTitle, Network network, String message,
            String shortUrl, Instant createdAt, long clicks, long uniqueVisitors, long robotHits, long selfClicks) {
    }

    /** A mail queued for the member, as the outbox keeps it (never its body: what it said is in the member's inbox). */
    public record MailRecord(String kind, String recipient, String subject, String status, Instant createdAt,
            Instant sentAt) {
    }

    public record Submission(UUID id, String title, String url, String body, String language, ContentStatus status,
            Instant createdAt) {
    }
}
