package io.chorus.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimQuery.Attribute;
import io.chorus.scim.ScimQuery.Kind;
import io.chorus.scim.ScimViews.GroupMember;
import io.chorus.scim.ScimViews.ListResponse;
import io.chorus.scim.ScimViews.Meta;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyRequests.ProvisionGroup;

/**
 * SCIM Groups are the organization's groups (every one, whoever created it: an identity provider matches its groups by
 * displayName), through {@link GroupService}: the same rules and audit trail as an admin's changes. A group's members
 * are the users among its members.
 */
@ApplicationScoped
public class ScimGroups {

    private static final String MEMBER = "exists (select 1 from GroupMembership gm where gm.id.groupId = g.id"
            + " and gm.id.memberId = %s)";
    static final Map<String, Attribute> FILTERABLE = Map.of("displayname", Attribute.of(Kind.TEXT, "g.name"),
            "externalid", Attribute.of(Kind.EXACT_TEXT, "g.externalId"), "id", Attribute.of(Kind.ID, "g.id"), "members",
            Attribute.of(Kind.MEMBER, MEMBER), "members.value", Attribute.of(Kind.MEMBER, MEMBER), "meta.created",
            Attribute.of(Kind.INSTANT, "g.createdAt"), "meta.lastmodified", Attribute.of(Kind.INSTANT, "g.updatedAt"));

    private final GroupService groups;
    private final String base;
    private final String usersBase;

    @Inject
    public ScimGroups(GroupService groups, ChorusConfig config) {
        this.groups = groups;
        this.base = config.publicBaseUrl() + ScimError.ROOT + "/Groups/";
        this.usersBase = config.publicBaseUrl() + ScimError.ROOT + "/Users/";
    }

    @Transactional
    public ScimViews.Group create(ObjectNode body) {
        GroupAttributes group = GroupAttributes.from(body);
        UUID id = groups.provision(provision(group)).id();
        return changed(find(id, false));
    }

    @Transactional
    public ScimViews.Group get(UUID id, boolean withMembers) {
        Group group = find(id, false);
        return view(group, group.version, withMembers ? members(List.of(id)).getOrDefault(id, List.of()) : null);
    }

    @Transactional
    public ListResponse<ScimViews.Group> list(String filter, ScimPaging paging, boolean withMembers) {
        ScimListing<Group> listing = ScimListing.of(Group.getEntityManager(), Group.class, "from Group g where 1 = 1",
                "g", filter, GroupAttributes.SCHEMAS, FILTERABLE, paging);
        List<Group> page = listing.page();
        Map<UUID, List<GroupMember>> members = withMembers ? members(page.stream().map(g -> g.id).toList()) : Map.of();
        return ListResponse.of(listing.total(), paging.startIndex(), page.stream()
                .map(g -> view(g, g.version, withMembers ? members.getOrDefault(g.id, List.of()) : null)).toList());
    }

    @Transactional
    public ScimViews.Group replace(UUID id, ObjectNode body, String ifMatch) {
        Group group = find(id, true);
        ETags.require(ifMatch, group.version);
        GroupAttributes wanted = GroupAttributes.from(body);
        requireOwnId(wanted, group);
        groups.synchronize(group.id, provision(wanted));
        return changed(group);
    }

    /** Answers the new version only: a group's members may be many (RFC 7644 allows a 204 here). */
    @Transactional
    public String patch(UUID id, ObjectNode body, String ifMatch) {
        Group group = find(id, true);
        ETags.require(ifMatch, group.version);
        List<ScimPatch.Operation> operations = ScimPatch.parse(body, GroupAttributes.SCHEMAS);
        GroupAttributes wanted = GroupAttributes.of(group.name, group.externalId);
        operations.forEach(wanted::apply);
        requireOwnId(wanted, group);
        groups.synchronize(group.id, provision(wanted));
        if (wanted.members == null) {
            groups.changeMembers(group.id, wanted.added, wanted.removed);
        }
        return ETags.of(version(group));
    }

    /** The group goes; its members stay members, without it. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Group group = find(id, true);
        ETags.require(ifMatch, group.version);
        groups.delete(group.id);
    }

    private static ProvisionGroup provision(GroupAttributes group) {
        if (group.displayName == null || group.displayName.isBlank()) {
            throw ScimError.invalidValue("displayName is required.");
        }
        String externalId = group.externalId == null || group.externalId.isBlank() ? null : group.externalId.strip();
        return new ProvisionGroup(group.displayName, externalId, group.members);
    }

    private static void requireOwnId(GroupAttributes wanted, Group group) {
        if (wanted.idSent != null && !wanted.idSent.equals(group.id.toString())) {
            throw ScimError.mutability("id is read-only.");
        }
    }

    private static Group find(UUID id, boolean forUpdate) {
        return Group.<Group> find("id", id).withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .firstResultOptional().orElseThrow(() -> ScimError.notFound("This group"));
    }

    /** A group changed in this transaction, with the version the database counted for the change. */
    private ScimViews.Group changed(Group group) {
        return view(group, version(group), members(List.of(group.id)).getOrDefault(group.id, List.of()));
    }

    private static long version(Group group) {
        return Group.getEntityManager().createQuery("select g.version from Group g where g.id = ?1", Long.class)
                .setParameter(1, group.id).getSingleResult();
    }

    /** The users among the groups' members, by group, in one query. */
    private Map<UUID, List<GroupMember>> members(List<UUID> groupIds) {
        Map<UUID, List<GroupMember>> members = new HashMap<>();
        if (groupIds.isEmpty()) {
            return members;
        }
        Group.getEntityManager().createQuery("""
                select gm.id.groupId, m.id, m.name from GroupMembership gm, Member m
                where gm.id.groupId in ?1 and m.id = gm.id.memberId and m.erasedAt is null and m.deprovisionedAt is null
                order by m.createdAt, m.id""", Object[].class).setParameter(1, groupIds).getResultStream()
                .forEach(row -> members.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                        .add(new GroupMember((UUID) row[1], (String) row[2], usersBase + row[1], "User")));
        return members;
    }

    private ScimViews.Group view(Group group, long version, List<GroupMember> members) {
        return new ScimViews.Group(List.of(Scim.GROUP), group.id, group.externalId, group.name, members,
                new Meta("Group", group.createdAt, group.updatedAt, base + group.id, ETags.of(version)));
    }
}
