package io.chorus.sso;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.identity.Role;
import io.chorus.sso.IdentityProvider.GroupMapping;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberService;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.TenancyRequests.ProvisionMember;
import io.chorus.tenancy.TenancyRequests.UpdateMember;

/**
 * Just-in-time provisioning: the first sign-in creates the member (an ambassador unless the provider's group mapping
 * gives other roles), later ones update their name, roles and mapped groups, all through {@link MemberService} (the
 * same audit trail, rankings and caches as SCIM's and admins' changes). Deactivated and erased members are refused.
 */
@ApplicationScoped
public class SsoMembers {

    /** Who signed in, as the ID token says. */
    public record Identity(String subject, String email, String name, String givenName, String familyName,
            Set<String> groups) {
    }

    /** Why a sign-in cannot become a member's session. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final MemberService members;

    @Inject
    public SsoMembers(MemberService members) {
        this.members = members;
    }

    /** The member the identity signs in as, created or brought up to date; runs in the organization's transaction. */
    public Member signIn(IdentityProvider provider, Identity identity) {
        Optional<Member> known = Member.findBySsoSubject(identity.subject())
                .or(() -> Member.findByEmail(identity.email()));
        if (known.isPresent() && (known.get().isErased() || known.get().status == MemberStatus.DEACTIVATED)) {
            throw new Refused("This account is deactivated.");
        }
        UUID id;
        if (known.isEmpty()) {
            id = members.provision(new ProvisionMember(identity.email(), identity.name(), identity.givenName(),
                    identity.familyName(), null, null, true)).id();
        } else {
            Member member = known.get();
            id = member.id;
            members.synchronize(id, new ProvisionMember(identity.email(), identity.name(), identity.givenName(),
                    identity.familyName(), member.externalId, null, true));
        }
        Member member = Member.<Member> findByIdOptional(id).orElseThrow();
        member.ssoSubject = identity.subject();
        members.update(id, new UpdateMember(null, roles(provider, identity.groups(), member.roles()).orElse(null),
                groups(provider, identity.groups(), member), MemberStatus.ACTIVE, null));
        return member;
    }

    /** When the provider maps groups to roles: the roles of the person's groups (ambassador if none). */
    private static Optional<Set<Role>> roles(IdentityProvider provider, Set<String> groups, Set<Role> current) {
        boolean mapsRoles = provider.groupMappings.stream().anyMatch(m -> !m.roles().isEmpty());
        if (!mapsRoles) {
            return current.isEmpty() ? Optional.of(EnumSet.of(Role.AMBASSADOR)) : Optional.empty();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        matching(provider, groups).forEach(m -> roles.addAll(m.roles()));
        return Optional.of(roles.isEmpty() ? EnumSet.of(Role.AMBASSADOR) : roles);
    }

    /** The member's groups: those the mapping manages follow the person's IdP groups; the others stay. */
    private static List<UUID> groups(IdentityProvider provider, Set<String> groups, Member member) {
        Set<UUID> managed = new LinkedHashSet<>();
        provider.groupMappings.forEach(m -> managed.addAll(m.groupIds()));
        Set<UUID> result = new LinkedHashSet<>(
                Member.groupIdsOf(List.of(member.id)).getOrDefault(member.id, List.of()));
        result.removeAll(managed);
        matching(provider, groups).forEach(m -> result.addAll(m.groupIds()));
        return new ArrayList<>(result);
    }

    private static Collection<GroupMapping> matching(IdentityProvider provider, Set<String> groups) {
        return provider.groupMappings.stream().filter(m -> groups.contains(m.idpGroup())).toList();
    }
}
