package io.chorus.tenancy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;
import io.quarkus.panache.common.Parameters;

/** A department, location, team or programme that members belong to and content targets. */
@Entity
@Table(name = "groups")
public class Group extends TenantOwned {

    @Id
    public UUID id;
    public String name;
    public GroupKind kind;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The last change of its name, kind, identity provider id or members. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The organization's identity provider's own id for the group (SCIM externalId); unique in the organization. */
    @Column(name = "external_id")
    public String externalId;
    /** Counted by the database on every change of its name, external id or members: its SCIM ETag. */
    @Column(insertable = false, updatable = false)
    public long version;

    public static Optional<Group> findByIdOptional(UUID id) {
        return Group.<Group> findByIdOptional((Object) id);
    }

    public static Optional<Group> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public static Optional<Group> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Notes a change of these groups' members made from the members' side. */
    public static void touch(Collection<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("updatedAt = ?1 where id in ?2", now, ids);
        }
    }

    public static long countExisting(Collection<UUID> ids) {
        return ids.isEmpty() ? 0 : count("id in ?1", ids);
    }

    /** Groups ordered by name, one keyset page (plus one row). */
    public static List<Group> findPage(PageRequest page) {
        if (page.cursor().isEmpty()) {
            return find("order by lower(name), id").page(0, page.fetchSize()).list();
        }
        var c = page.cursor().get();
        return find(
                "lower(name) > :afterName or (lower(name) = :afterName and id > :afterId)"
                        + " order by lower(name), id",
                Parameters.with("afterName", c.get(0)).and("afterId", PageRequest.uuid(c, 1))).page(0, page.fetchSize())
                        .list();
    }
}
