package io.chorus.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.tenancy.TenancyRequests.CreateGroup;
import io.chorus.tenancy.TenancyRequests.UpdateGroup;
import io.chorus.tenancy.TenancyViews.GroupView;

/** Groups of the caller's organization. Names are unique, case-insensitively. */
@ApplicationScoped
public class GroupService {

    @Transactional
    public GroupView create(CreateGroup request) {
        String name = Inputs.requireText("name", request.name());
        requireNameFree(name, null);
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = name;
        group.kind = request.kind();
        group.createdAt = Time.now();
        group.persistAndFlush();
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
        if (request.name() != null) {
            String name = Inputs.requireText("name", request.name());
            requireNameFree(name, group.id);
            group.name = name;
        }
        if (request.kind() != null) {
            group.kind = request.kind();
        }
        group.flush();
        return view(group);
    }

    /** Deletes the group; its members stay, without it. */
    @Transactional
    public void delete(UUID id) {
        Group group = find(id);
        GroupMembership.delete("id.groupId", group.id);
        group.delete();
    }

    private static Group find(UUID id) {
        return Group.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This group"));
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
