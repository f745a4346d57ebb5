package io.chorus.tenancy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.RefreshToken;
import io.chorus.identity.Role;

/**
 * A change to an existing member, whoever asks for it (an admin through the API or the admin UI, the organization's
 * identity provider through SCIM), and what always follows it: the organization keeps an active admin, roles, status
 * and groups changes go on the audit trail, and analytics and leaderboards hear of them. Joins the caller's
 * transaction.
 */
@ApplicationScoped
class MemberChanges {

    private final Event<MemberListingChanged> listingChanged;
    private final Event<MembershipChanged> membershipChanged;
    private final Event<MemberJoined> joined;
    private final Event<MemberDeactivated> deactivated;
    private final Audit audit;
    private final Caller caller;

    @Inject
    MemberChanges(Event<MemberListingChanged> listingChanged, Event<MembershipChanged> membershipChanged,
            Event<MemberJoined> joined, Event<MemberDeactivated> deactivated, Audit audit, Caller caller) {
        this.listingChanged = listingChanged;
        this.membershipChanged = membershipChanged;
        this.joined = joined;
        this.deactivated = deactivated;
        this.audit = audit;
        this.caller = caller;
    }

    /** Applies the change (given the member and the time), then everything that follows it. */
    void apply(Member member, BiConsumer<Member, Instant> change) {
        Instant now = Time.now();
        Set<Role> rolesBefore = member.roles();
        MemberStatus statusBefore = member.status;
        List<UUID> groupsBefore = groupIdsOf(member);
        change.accept(member, now);
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
        List<UUID> groupsAfter = groupIdsOf(member);
        if (!groupsAfter.equals(groupsBefore)) {
            audit.record(actor, "member.groups.changed", "member", member.id,
                    Map.of("from", groupsBefore, "to", groupsAfter));
            Set<UUID> touched = new HashSet<>(groupsBefore);
            touched.addAll(groupsAfter);
            touched.removeIf(g -> groupsBefore.contains(g) && groupsAfter.contains(g));
            Group.touch(touched, now);
        }
        if (!member.roles().equals(rolesBefore) || member.status != statusBefore || !groupsAfter.equals(groupsBefore)) {
            membershipChanged.fire(new MembershipChanged(member.organization()));
        }
    }

    /**
     * Moves the member between active and deactivated. Deactivating revokes their invitation and refresh tokens (their
     * access tokens stop working at once: {@code TokenChecks}); only a member who accepted an invitation, or whom the
     * identity provider manages, can be active.
     */
    void changeStatus(Member member, MemberStatus status, Instant now) {
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
                if (member.passwordHash == null && !member.provisioned) {
                    throw ProblemException.conflict("invitation-not-accepted",
                            "This member never accepted their invitation; invite them again instead.");
                }
                member.deprovisionedAt = null;
            }
        }
        MemberStatus before = member.status;
        member.status = status;
        listingChanged.fire(new MemberListingChanged(member.id));
        if (status == MemberStatus.DEACTIVATED && before == MemberStatus.ACTIVE) {
            deactivated.fire(new MemberDeactivated(member.organization(), member.id));
        } else if (status == MemberStatus.ACTIVE && before == MemberStatus.DEACTIVATED) {
            joined.fire(new MemberJoined(member.organization(), member.id, MemberJoined.REACTIVATION));
        }
    }

    /** The member's groups become these (their listing on group leaderboards follows). */
    void replaceGroups(Member member, List<UUID> groupIds) {
        GroupMembership.deleteForMember(member.id);
        GroupMembership.flush();
        groupIds.forEach(groupId -> GroupMembership.of(member.id, groupId).persist());
        listingChanged.fire(new MemberListingChanged(member.id));
    }

    static List<UUID> groupIdsOf(Member member) {
        return Member.groupIdsOf(List.of(member.id)).getOrDefault(member.id, List.of());
    }

    static List<String> ids(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toList();
    }
}
