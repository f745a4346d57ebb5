package io.chorus.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyViews.MemberView;
import io.chorus.web.Formats.InvalidField;

/** The roles and groups ticked in a member's form, as sent (ids as text), and as the member service takes them. */
public record Access(Set<String> roleIds, Set<String> groupIds) {

    static Access of(List<String> roleIds, List<String> groupIds) {
        return new Access(roleIds == null ? Set.of() : new LinkedHashSet<>(roleIds),
                groupIds == null ? Set.of() : new LinkedHashSet<>(groupIds));
    }

    static Access of(MemberView member) {
        Set<String> roles = new LinkedHashSet<>();
        member.roles().forEach(r -> roles.add(r.id()));
        Set<String> groups = new LinkedHashSet<>();
        member.groupIds().forEach(g -> groups.add(g.toString()));
        return new Access(roles, groups);
    }

    /** Whether the box of this role is ticked. */
    public boolean has(Object role) {
        return roleIds.contains(String.valueOf(role));
    }

    /** Whether the box of this group is ticked. */
    public boolean in(Object groupId) {
        return groupIds.contains(String.valueOf(groupId));
    }

    Set<Role> roles() throws InvalidField {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            roleIds.forEach(r -> roles.add(Role.of(r)));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("roles");
        }
        return roles;
    }

    List<UUID> groups() throws InvalidField {
        List<UUID> groups = new ArrayList<>();
        try {
            groupIds.forEach(g -> groups.add(UUID.fromString(g)));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("groups");
        }
        return groups;
    }
}
