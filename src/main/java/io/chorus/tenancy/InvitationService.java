package io.chorus.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.AuthConfig;
import io.chorus.identity.PasswordHasher;
import io.chorus.tenancy.TenancyViews.AcceptedInvitation;
import io.chorus.tenancy.TenancyViews.InvitationView;
import io.chorus.tenancy.TenancyViews.OrganizationRef;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Invitations: issued to invited members, accepted once, within their lifetime (7 days). */
@ApplicationScoped
public class InvitationService {

    private final AuthConfig auth;
    private final TenancyConfig config;
    private final PasswordHasher hasher;
    private final Tenants tenants;
    private final Audit audit;
    private final Event<MemberListingChanged> listingChanged;
    private final Event<MembershipChanged> membershipChanged;
    private final Event<MemberInvited> invited;
    private final Event<MemberJoined> joined;

    @Inject
    public InvitationService(AuthConfig auth, TenancyConfig config, PasswordHasher hasher, Tenants tenants, Audit audit,
            Event<MemberListingChanged> listingChanged, Event<MembershipChanged> membershipChanged,
            Event<MemberInvited> invited, Event<MemberJoined> joined) {
        this.auth = auth;
        this.config = config;
        this.hasher = hasher;
        this.tenants = tenants;
        this.audit = audit;
        this.listingChanged = listingChanged;
        this.membershipChanged = membershipChanged;
        this.invited = invited;
        this.joined = joined;
    }

    /**
     * Issues a new invitation for the member, revoking any earlier one, and queues its mail. Runs in the caller's
     * transaction.
     */
    InvitationView issue(Member member) {
        Invitation.revokeOpen(member.id, Time.now());
        return issue(member, 0);
    }

    /**
     * The nth reminder of an invitation not accepted: a new invitation with a link of its own (earlier links keep
     * working until they expire) and its mail. Runs in the caller's transaction.
     */
    public InvitationView remind(Member member, int reminder) {
        return issue(member, reminder);
    }

    private InvitationView issue(Member member, int reminder) {
        Instant now = Time.now();
        String token = SecretTokens.generate();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.memberId = member.id;
        invitation.tokenHash = SecretTokens.hash(token);
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(auth.invitationLifetime());
        invitation.reminder = reminder;
        invitation.persist();
        String acceptUrl = config.acceptUrlTemplate().replace("{token}", token);
        invited.fire(new MemberInvited(member.id, member.email, member.name, member.language, invitation.id, acceptUrl,
                invitation.expiresAt, reminder));
        return new InvitationView(token, acceptUrl, invitation.expiresAt);
    }

    /** What the acceptance page shows about an invitation, if the token is one. */
    public record Preview(String organizationName, String email, boolean usable, boolean expired) {
    }

    public java.util.Optional<Preview> preview(String token) {
        String hash = SecretTokens.hash(token);
        return QuarkusTransaction.requiringNew().call(() -> Invitation.organizationOfInvitation(hash))
                .map(organizationId -> tenants.callAs(organizationId, () -> {
                    Invitation invitation = Invitation.find("tokenHash", hash).<Invitation> firstResult();
                    Member member = Member.findByIdOptional(invitation.memberId).orElseThrow();
                    Organization organization = Organization.findByIdOptional(organizationId).orElseThrow();
                    Instant now = Time.now();
                    boolean expired = !now.isBefore(invitation.expiresAt);
                    return new Preview(organization.name, member.email,
                            invitation.isUsable(now) && member.status == MemberStatus.INVITED, expired);
                }));
    }

    public AcceptedInvitation accept(String token, String name, String password) {
        PasswordHasher.requireAcceptable("password", password);
        String hash = SecretTokens.hash(token);
        UUID organizationId = QuarkusTransaction.requiringNew().call(() -> Invitation.organizationOfInvitation(hash))
                .orElseThrow(() -> ProblemException.notFound("This invitation"));
        return tenants.callAs(organizationId, () -> {
            Instant now = Time.now();
            Invitation invitation = Invitation.findByTokenHashForUpdate(hash)
                    .orElseThrow(() -> ProblemException.notFound("This invitation"));
            if (invitation.acceptedAt != null || invitation.revokedAt != null) {
                throw ProblemException.gone("invitation-used",
                        "This invitation has already been used or was withdrawn.");
            }
            if (!now.isBefore(invitation.expiresAt)) {
                throw ProblemException.gone("invitation-expired",
                        "This invitation has expired; ask an admin for a new one.");
            }
            Member member = Member.findByIdOptional(invitation.memberId).orElseThrow();
            if (member.status != MemberStatus.INVITED) {
                throw ProblemException.gone("invitation-used",
                        "This invitation has already been used or was withdrawn.");
            }
            member.name = name.strip();
            member.passwordHash = hasher.hash(password);
            member.status = MemberStatus.ACTIVE;
            member.updatedAt = now;
            invitation.acceptedAt = now;
            // Points given before the member accepted (an adjustment) now show on the leaderboards.
            listingChanged.fire(new MemberListingChanged(member.id));
            // An invited member is not an active ambassador until now: the organization's figures change.
            membershipChanged.fire(new MembershipChanged(organizationId));
            joined.fire(new MemberJoined(organizationId, member.id, MemberJoined.INVITATION));
            audit.record(member.id, "invitation.accepted", "member", member.id, java.util.Map.of());
            Organization organization = Organization.findByIdOptional(organizationId).orElseThrow();
            return new AcceptedInvitation(member.id, OrganizationRef.of(organization));
        });
    }
}
