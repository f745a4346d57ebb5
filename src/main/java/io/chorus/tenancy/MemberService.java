package io.chorus.tenancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.RefreshToken;
import io.chorus.tenancy.TenancyRequests.InviteMember;
import io.chorus.tenancy.TenancyRequests.UpdateMember;
import io.chorus.tenancy.TenancyViews.InvitationView;
import io.chorus.tenancy.TenancyViews.MemberView;

/** Members of the caller's organization: invite, list, read, change roles, groups and status. */
@ApplicationScoped
public class MemberService {

    private final InvitationService invitations;
    private final Event<MemberListingChanged> listingChanged;
    private final Event<MembershipChanged> membershipChanged;
    private final Audit audit;
    private final Caller caller;

    @Inject
    public MemberService(InvitationService invitations, Event<MemberListingChanged> listingChanged,
            Event<MembershipChanged> membershipChanged, Audit audit, Caller caller) {
        this.invitations = invitations;
        this.listingChanged = listingChanged;
        this.membershipChanged = membershipChanged;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public MemberView invite(InviteMember request) {
        MemberView member = create(request.email(), request.name(), request.roles(), groupIdsOf(request.groupIds()),
                request.language());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roles", ids(member.roles()));
        detail.put("groupIds", member.groupIds());
        audit.record(caller.memberId().orElse(null), "member.invited", "member", member.id(), detail);
        return member;
    }

    /** Creates an invited member with a fresh invitation; joins the caller's transaction. */
    MemberView create(String email, String name, Set<Role> roles, List<UUID> groupIds, String language) {
        String address = email.strip();
        if (Member.findByEmail(address).isPresent()) {
            throw ProblemException.conflict("email-taken", "A member with this email already exists.");
        }
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
        Instant now = Time.now();
        Set<Role> rolesBefore = member.roles();
        MemberStatus statusBefore = member.status;
        List<UUID> groupsBefore = currentGroupIds(member);
        if (request.name() != null) {
            member.name = Inputs.requireText("name", request.name());
        }
        if (request.language() != null) {
            member.language = Inputs.language("language", request.language());
        }
        if (request.roles() != null) {
            member.setRoles(EnumSet.copyOf(request.roles()));
        }
        if (request.status() != null) {
            changeStatus(member, request.status(), now);
        }
        if (request.groupIds() != null) {
            List<UUID> groupIds = groupIdsOf(request.groupIds());
            requireGroupsExist(groupIds);
            GroupMembership.deleteForMember(member.id);
            GroupMembership.flush();
            groupIds.forEach(groupId -> GroupMembership.of(member.id, groupId).persist());
            listingChanged.fire(new MemberListingChanged(member.id));
        }
        member.updatedAt = now;
        member.flush();
        if (Member.countActiveAdmins() == 0) {
            throw ProblemException.conflict("last-admin", "The organization must keep at least one active admin.");
        }
        UUID actor = caller.memberId().orElse(null);
        if (!member.roles().equals(rolesBefore)) {
            audit.record(actor, "member.roles.changed", "member", member.id,
                    Map.of("from", ids(rolesBefore), "to", ids(member.roles())));
        }
        if (member.status != statusBefore) {
            audit.record(actor, "member.status.changed", "member", member.id,
                    Map.of("from", statusBefore.id(), "to", member.status.id()));
        }
        List<UUID> groupsAfter = currentGroupIds(member);
        if (!groupsAfter.equals(groupsBefore)) {
            audit.record(actor, "member.groups.changed", "member", member.id,
                    Map.of("from", groupsBefore, "to", groupsAfter));
        }
        if (!member.roles().equals(rolesBefore) || member.status != statusBefore || !groupsAfter.equals(groupsBefore)) {
            membershipChanged.fire(new MembershipChanged(member.organization()));
        }
        return view(member);
    }

    private static List<String> ids(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toList();
    }

    private void changeStatus(Member member, MemberStatus status, Instant now) {
        if (status == member.status) {
            return;
        }
        switch (status) {
            case INVITED -> throw ProblemException.invalid("status", "must be active or deactivated");
            case DEACTIVATED -> {
                Invitation.revokeOpen(member.id, now);
                RefreshToken.revokeAllOf(member.id, now);
            }
            case ACTIVE -> {
                if (member.passwordHash == null) {
                    throw ProblemException.conflict("invitation-not-accepted",
                            "This member never accepted their invitation; invite them again instead.");
                }
            }
        }
        member.status = status;
        listingChanged.fire(new MemberListingChanged(member.id));
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
        return MemberView.of(member, currentGroupIds(member), null);
    }

    private static List<UUID> currentGroupIds(Member member) {
        return Member.groupIdsOf(List.of(member.id)).getOrDefault(member.id, List.of());
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
