package io.chorus.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chorus.identity.Role;

/** What the tenancy endpoints answer. Entities never go on the wire. */
public final class TenancyViews {

    private TenancyViews() {
    }

    public record OrganizationRef(UUID id, String slug, String name) {
        static OrganizationRef of(Organization organization) {
            return new OrganizationRef(organization.id, organization.slug, organization.name);
        }
    }

    public record OrganizationView(UUID id, String slug, String name, Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) InvitationView adminInvitation) {
    }

    public record InvitationView(String token, String acceptUrl, Instant expiresAt) {
    }

    public record AcceptedInvitation(UUID memberId, OrganizationRef organization) {
    }

    public record MemberView(UUID id, String email, String name, Set<Role> roles, List<UUID> groupIds, String language,
            MemberStatus status, Instant createdAt, Instant erasedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) InvitationView invitation) {

        static MemberView of(Member member, List<UUID> groupIds, InvitationView invitation) {
            return new MemberView(member.id, member.email, member.name, member.roles(), groupIds, member.language,
                    member.status, member.createdAt, member.erasedAt, invitation);
        }
    }

    public record MeView(UUID id, String email, String name, Set<Role> roles, List<UUID> groupIds, String language,
            boolean leaderboardVisible, OrganizationRef organization) {
    }

    public record GroupView(UUID id, String name, GroupKind kind, long memberCount, Instant createdAt) {
    }
}
