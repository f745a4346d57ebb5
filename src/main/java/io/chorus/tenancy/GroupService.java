package io.chorus.tenancy;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import io.chorus.tenancy.TenancyRequests.CreateGroup;
import io.chorus.tenancy.TenancyRequests.ProvisionGroup;
import io.chorus.tenancy.TenancyRequests.UpdateGroup;
import io.chorus.tenancy.TenancyViews.GroupView;

/**
 * Groups of the caller's organization, and those its identity provider provisions (SCIM). Names are unique,
 * case-insensitively. Every change is audited.
 */
@ApplicationScoped
public class GroupService {

    private final Audit audit;
    private final Caller caller;
    private final Event<MembershipChanged> membershipChanged;
    private final Event<MemberListingChanged> listingChanged;

    @Inject
    public GroupService(Audit audit, Caller caller, Event<MembershipChanged> membershipChanged,
            Event<MemberListingChanged> listingChanged) {
        this.audit = audit;
        this.caller = caller;
        this.membershipChanged = membershipChanged;
        this.listingChanged = listingChanged;
    }

    @Transactional
    public GroupView create(CreateGroup request) {
        String name = Inputs.requireText("name", request.name());
        requireNameFree(name, null);
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = name;
        group.kind = request.kind();
        group.createdAt = Time.now();
        group.updatedAt = group.createdAt;
        group.persistAndFlush();
        audit.record(actor(), "group.created", "group", group.id, describe(group));
        return new GroupView(group.id, group.name, group.kind, 0, group.createdAt);
    }

    @Transactional
    public Page<GroupView> list(PageRequest page) {
        Page<Group> groups = Page.of(Group.findPage(page), page, g -> Cursor.of(g.name.toLowerCase(), g.id));
        Map<UUID, Long> counts = memberCounts(groups.items().stream().map(g -> g.id).toList());
        return groups.map(g -> new GroupView(g.id, g.name, g.kind, counts.getOrDefault(g.id, 0L), g.createdAt));
    }

    @Transactional
    public GroupView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public GroupView update(UUID id, UpdateGroup request) {
        Group group = find(id);
        Map<String, Object> before = describe(group);
        if (request.name() != null) {
            String name = Inputs.requireText("name", request.name());
            requireNameFree(name, group.id);
            group.name = name;
        }
        if (request.kind() != null) {
            group.kind = request.kind();
        }
        Map<String, Object> after = describe(group);
        if (!after.equals(before)) {
            group.updatedAt = Time.now();
        }
        group.flush();
        if (!after.equals(before)) {
            audit.record(actor(), "group.changed", "group", group.id, Map.of("from", before, "to", after));
            membershipChanged.fire(new MembershipChanged(group.organization()));
        }
        return view(group);
    }

    /**
     * A group the organization's identity provider creates (SCIM): a team (admins may change its kind), with members.
     */
    @Transactional
    public GroupView provision(@Valid @NotNull ProvisionGroup request) {
        String name = Inputs.requireText("name", request.name());
        requireNameFree(name, null);
        requireExternalIdFree(request.externalId(), null);
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = name;
        group.kind = GroupKind.TEAM;
        group.externalId = request.externalId();
        group.createdAt = Time.now();
        group.updatedAt = group.createdAt;
        group.persistAndFlush();
        audit.record(actor(), "group.created", "group", group.id, describe(group));
        Set<UUID> members = request.memberIds() == null ? Set.of() : request.memberIds();
        changeMembers(group, members, Set.of());
        return view(group);
    }

    /** Applies the identity provider's name, id and (unless null) members of the group, as a whole. */
    @Transactional
    public GroupView synchronize(UUID id, @Valid @NotNull ProvisionGroup request) {
        Group group = find(id);
        String name = Inputs.requireText("name", request.name());
        if (!Objects.equals(request.externalId(), group.externalId)) {
            requireExternalIdFree(request.externalId(), group.id);
            group.externalId = request.externalId();
            group.updatedAt = Time.now();
        }
        update(id, new UpdateGroup(name, null));
        if (request.memberIds() != null) {
            Set<UUID> current = GroupMembership.membersOf(group.id);
            Set<UUID> added = new HashSet<>(request.memberIds());
            added.removeAll(current);
            current.removeAll(request.memberIds());
            changeMembers(group, added, current);
        }
        return view(group);
    }

    /**
     * Adds and removes members of the group; adding a member already in it, or removing one who is not, changes
     * nothing. Added members must be members of the organization, not erased.
     */
    @Transactional
    public GroupView changeMembers(UUID id, Collection<UUID> added, Collection<UUID> removed) {
        Group group = find(id);
        changeMembers(group, added, removed);
        return view(group);
    }

    private void changeMembers(Group group, Collection<UUID> added, Collection<UUID> removed) {
        Set<UUID> adding = new LinkedHashSet<>(added);
        if (!adding.isEmpty() && Member.count("id in ?1 and erasedAt is null", adding) != adding.size()) {
            throw ProblemException.invalid("members", "must name members of this organization");
        }
        adding.removeAll(GroupMembership.inGroup(group.id, adding));
        Set<UUID> removing = GroupMembership.inGroup(group.id, removed);
        if (adding.isEmpty() && removing.isEmpty()) {
            return;
        }
        adding.forEach(memberId -> GroupMembership.of(memberId, group.id).persist());
        if (!removing.isEmpty()) {
            GroupMembership.delete("id.groupId = ?1 and id.memberId in ?2", group.id, removing);
        }
        group.updatedAt = Time.now();
        group.flush();
        audit.record(actor(), "group.members.changed", "group", group.id,
                Map.of("added", sorted(adding), "removed", sorted(removing)));
        adding.forEach(memberId -> listingChanged.fire(new MemberListingChanged(memberId)));
        removing.forEach(memberId -> listingChanged.fire(new MemberListingChanged(memberId)));
        membershipChanged.fire(new MembershipChanged(group.organization()));
    }

    private static List<UUID> sorted(Set<UUID> ids) {
        return ids.stream().sorted().toList();
    }

    /**
     * Deletes the group; its members stay, without it. Refused (409) while content or campaigns target it: without the
     * group they would reach everyone, which nobody asked for.
     */
    @Transactional
    public void delete(UUID id) {
        Group group = find(id);
        Object[] uses = (Object[]) Group.getEntityManager().createNativeQuery("""
                select (select count(*) from content_targets where organization_id = ?1 and group_id = ?2),
                       (select count(*) from campaign_groups where organization_id = ?1 and group_id = ?2)""")
                .setParameter(1, group.organization()).setParameter(2, group.id).getSingleResult();
        long content = ((Number) uses[0]).longValue();
        long campaigns = ((Number) uses[1]).longValue();
        if (content + campaigns > 0) {
            throw ProblemException.conflict("group-in-use",
                    "%d content item(s) and %d campaign(s) are aimed at this".formatted(content, campaigns)
                            + " group; take it out of their audience first, or they would reach every member.");
        }
        Map<String, Object> detail = new LinkedHashMap<>(describe(group));
        detail.put("members", GroupMembership.delete("id.groupId", group.id));
        group.delete();
        audit.record(actor(), "group.deleted", "group", group.id, detail);
        membershipChanged.fire(new MembershipChanged(group.organization()));
    }

    private UUID actor() {
        return caller.memberId().orElse(null);
    }

    private static Map<String, Object> describe(Group group) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", group.name);
        detail.put("kind", group.kind.id());
        return detail;
    }

    private static Group find(UUID id) {
        return Group.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This group"));
    }

    private static void requireExternalIdFree(String externalId, UUID except) {
        if (externalId != null) {
            Group.findByExternalId(externalId).filter(g -> !g.id.equals(except)).ifPresent(g -> {
                throw ProblemException.conflict("external-id-taken", "A group with this externalId already exists.");
            });
        }
    }

    private static void requireNameFree(String name, UUID except) {
        Group.findByName(name).filter(g -> !g.id.equals(except)).ifPresent(g -> {
            throw ProblemException.conflict("group-name-taken", "A group with this name already exists.");
        });
    }

    private static GroupView view(Group group) {
        long members = memberCounts(List.of(group.id)).getOrDefault(group.id, 0L);
        return new GroupView(group.id, group.name, group.kind, members, group.createdAt);
    }

    private static Map<UUID, Long> memberCounts(List<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return GroupMembership.<GroupMembership> stream("id.groupId in ?1", groupIds)
                .collect(Collectors.groupingBy(m -> m.id.groupId, Collectors.counting()));
    }
}
