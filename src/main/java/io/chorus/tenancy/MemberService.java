package io.chorus.tenancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.InviteMember;
import io.chorus.tenancy.TenancyRequests.ProvisionMember;
import io.chorus.tenancy.TenancyRequests.UpdateMember;
import io.chorus.tenancy.TenancyViews.InvitationView;
import io.chorus.tenancy.TenancyViews.MemberView;

/**
 * Members of the caller's organization: invite, list, read, change roles, groups and status; and the members its
 * identity provider provisions (SCIM).
 */
@ApplicationScoped
public class MemberService {

    private final InvitationService invitations;
    private final MemberChanges changes;
    private final Event<MembershipChanged> membershipChanged;
    private final Event<MemberJoined> joined;
    private final Audit audit;
    private final Caller caller;

    @Inject
    public MemberService(InvitationService invitations, MemberChanges changes,
            Event<MembershipChanged> membershipChanged, Event<MemberJoined> joined, Audit audit, Caller caller) {
        this.invitations = invitations;
        this.changes = changes;
        this.membershipChanged = membershipChanged;
        this.joined = joined;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public MemberView invite(InviteMember request) {
        MemberView member = create(request.email(), request.name(), request.roles(), groupIdsOf(request.groupIds()),
                request.language());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roles", MemberChanges.ids(member.roles()));
        detail.put("groupIds", member.groupIds());
        audit.record(caller.memberId().orElse(null), "member.invited", "member", member.id(), detail);
        return member;
    }

    /** Creates an invited member with a fresh invitation; joins the caller's transaction. */
    MemberView create(String email, String name, Set<Role> roles, List<UUID> groupIds, String language) {
        String address = email.strip();
        requireEmailFree(address, null);
        requireGroupsExist(groupIds);
        Instant now = Time.now();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = address;
        member.name = name.strip();
        member.setRoles(roles);
        member.language = Inputs.language("language", language);
        member.status = MemberStatus.INVITED;
        member.createdAt = now;
        member.updatedAt = now;
        member.persistAndFlush();
        groupIds.forEach(groupId -> GroupMembership.of(member.id, groupId).persist());
        membershipChanged.fire(new MembershipChanged(member.organization()));
        InvitationView invitation = invitations.issue(member);
        return MemberView.of(member, groupIds, invitation);
    }

    @Transactional
    public Page<MemberView> list(MemberFilter filter, PageRequest page) {
        Page<Member> members = Page.of(Member.findPage(filter, page), page, m -> Cursor.of(m.sortEmail(), m.id));
        Map<UUID, List<UUID>> groups = Member.groupIdsOf(members.items().stream().map(m -> m.id).toList());
        return members.map(m -> MemberView.of(m, groups.getOrDefault(m.id, List.of()), null));
    }

    @Transactional
    public MemberView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public MemberView update(UUID id, UpdateMember request) {
        Member member = findNotErased(id);
        changes.apply(member, (m, now) -> {
            if (request.name() != null) {
                m.name = Inputs.requireText("name", request.name());
            }
            if (request.language() != null) {
                m.language = Inputs.language("language", request.language());
            }
            if (request.roles() != null) {
                m.setRoles(EnumSet.copyOf(request.roles()));
            }
            if (request.status() != null) {
                changes.changeStatus(m, request.status(), now);
            }
            if (request.groupIds() != null) {
                List<UUID> groupIds = groupIdsOf(request.groupIds());
                requireGroupsExist(groupIds);
                changes.replaceGroups(m, groupIds);
            }
        });
        return view(member);
    }

    /**
     * A member the organization's identity provider creates (SCIM): an ambassador, active at once (or deactivated, if
     * the provider says so), without a password or an invitation: they sign in through the identity provider, so no
     * invitation mail goes out. A member this provider deleted earlier comes back instead, with their history.
     */
    @Transactional
    public MemberView provision(@Valid @NotNull ProvisionMember request) {
        String address = request.email().strip();
        Optional<Member> earlier = Member.findByEmail(address).filter(m -> m.deprovisionedAt != null);
        Member member;
        if (earlier.isPresent()) {
            member = earlier.get();
            changes.apply(member, (m, now) -> synchronize(m, request, now));
        } else {
            requireEmailFree(address, null);
            requireExternalIdFree(request.externalId(), null);
            Instant now = Time.now();
            member = new Member();
            member.id = UUID.randomUUID();
            member.setRoles(EnumSet.of(Role.AMBASSADOR));
            member.status = request.active() ? MemberStatus.ACTIVE : MemberStatus.DEACTIVATED;
            member.createdAt = now;
            member.updatedAt = now;
            member.language = Inputs.language("language", request.language());
            copy(member, request);
            member.persistAndFlush();
            membershipChanged.fire(new MembershipChanged(member.organization()));
            if (member.status == MemberStatus.ACTIVE) {
                joined.fire(new MemberJoined(member.organization(), member.id, MemberJoined.PROVISIONING));
            }
        }
        audit.record(caller.memberId().orElse(null), "member.provisioned", "member", member.id,
                Map.of("roles", MemberChanges.ids(member.roles()), "status", member.status.id()));
        return view(member);
    }

    /** Applies what the identity provider holds about the member, as a whole; the provider then manages them. */
    @Transactional
    public MemberView synchronize(UUID id, @Valid @NotNull ProvisionMember request) {
        Member member = findNotErased(id);
        changes.apply(member, (m, now) -> synchronize(m, request, now));
        return view(member);
    }

    /**
     * The identity provider deleted the member: they are deactivated exactly as an admin deactivates them (their
     * shares, clicks and points stay), and are no longer one of the provider's users.
     */
    @Transactional
    public void deprovision(UUID id) {
        Member member = findNotErased(id);
        changes.apply(member, (m, now) -> {
            changes.changeStatus(m, MemberStatus.DEACTIVATED, now);
            m.deprovisionedAt = now;
        });
        audit.record(caller.memberId().orElse(null), "member.deprovisioned", "member", member.id, Map.of());
    }

    private void synchronize(Member member, ProvisionMember request, Instant now) {
        String address = request.email().strip();
        if (!address.equalsIgnoreCase(member.email)) {
            requireEmailFree(address, member.id);
        }
        if (request.externalId() != null && !request.externalId().equals(member.externalId)) {
            requireExternalIdFree(request.externalId(), member.id);
        }
        if (request.language() != null) {
            member.language = Inputs.language("language", request.language());
        }
        copy(member, request);
        member.deprovisionedAt = null;
        MemberStatus wanted = !request.active() ? MemberStatus.DEACTIVATED
                : member.status == MemberStatus.DEACTIVATED ? MemberStatus.ACTIVE : member.status;
        changes.changeStatus(member, wanted, now);
    }

    private static void copy(Member member, ProvisionMember request) {
        member.email = request.email().strip();
        member.name = Inputs.requireText("name", request.name());
        member.givenName = blankToNull(request.givenName());
        member.familyName = blankToNull(request.familyName());
        member.externalId = request.externalId();
        member.provisioned = true;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireEmailFree(String email, UUID except) {
        Member.findByEmail(email).filter(m -> !m.id.equals(except)).ifPresent(m -> {
            throw ProblemException.conflict("email-taken", "A member with this email already exists.");
        });
    }

    private static void requireExternalIdFree(String externalId, UUID except) {
        if (externalId != null) {
            Member.findByExternalId(externalId).filter(m -> !m.id.equals(except)).ifPresent(m -> {
                throw ProblemException.conflict("external-id-taken", "A member with this externalId already exists.");
            });
        }
    }

    /** A new invitation for a member who has not accepted yet; earlier ones stop working. */
    @Transactional
    public InvitationView reinvite(UUID id) {
        Member member = findNotErased(id);
        if (member.status == MemberStatus.ACTIVE) {
            throw ProblemException.conflict("already-member", "This member has already accepted an invitation.");
        }
        if (member.passwordHash != null) {
            throw ProblemException.conflict("already-member",
                    "This member has an account; reactivate them instead of inviting them again.");
        }
        if (member.status != MemberStatus.INVITED) {
            member.status = MemberStatus.INVITED; // a deactivated member invited again counts as active again
            membershipChanged.fire(new MembershipChanged(member.organization()));
        }
        member.updatedAt = Time.now();
        InvitationView invitation = invitations.issue(member);
        audit.record(caller.memberId().orElse(null), "member.reinvited", "member", member.id,
                Map.of("expiresAt", invitation.expiresAt().toString()));
        return invitation;
    }

    private Member find(UUID id) {
        return Member.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This member"));
    }

    /** An erased member's row is an anonymous identity: nothing about it can be changed, nor can it be invited. */
    private Member findNotErased(UUID id) {
        Member member = find(id);
        if (member.isErased()) {
            throw ProblemException.conflict("member-erased", "This member was erased; invite them as a new member.");
        }
        return member;
    }

    private MemberView view(Member member) {
        return MemberView.of(member, MemberChanges.groupIdsOf(member), null);
    }

    private static void requireGroupsExist(Collection<UUID> groupIds) {
        if (Group.countExisting(groupIds) != groupIds.size()) {
            throw ProblemException.invalid("groupIds", "must name existing groups of this organization");
        }
    }

    private static List<UUID> groupIdsOf(List<UUID> requested) {
        return requested == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(requested));
    }
}
