package io.chorus.tenancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;
import io.chorus.identity.Account;
import io.chorus.identity.Role;
import io.quarkus.panache.common.Parameters;

/** Someone in an organization: an employee or a member of its comms, HR or admin staff. */
@Entity
@Table(name = "members")
public class Member extends TenantOwned implements Account {

    /** The name an erased member is shown with. */
    public static final String ERASED_NAME = "Erased member";
    /** The member list's sort key (indexed): the email ignoring case; erased members, who have none, first. */
    private static final String SORT_EMAIL = "coalesce(lower(m.email), '')";

    @Id
    public UUID id;
    public String email;
    public String name;
    @Column(name = "password_hash")
    public String passwordHash;
    /** Role ids in a {@code varchar[]}; use {@link #roles()} and {@link #setRoles}. */
    @Column(name = "roles")
    public String[] roleIds = new String[0];
    public String language;
    public MemberStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** False hides the member from everyone else's leaderboards. */
    @Column(name = "leaderboard_visible")
    public boolean leaderboardVisible = true;
    /** How often the digest comes: daily, weekly or never. */
    @Column(name = "email_digest")
    public String emailDigest = "weekly";
    /** Whether broadcasts and campaign announcements reach the member. */
    @Column(name = "email_broadcasts")
    public boolean emailBroadcasts = true;
    /** When the member was erased (no email, password or name any more); null for everyone else. */
    @Column(name = "erased_at")
    public Instant erasedAt;
    /** The organization's identity provider's own id for the member (SCIM externalId); unique in the organization. */
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    /**
     * Created or taken over by the identity provider (SCIM): may be active without a password, signing in through it.
     */
    public boolean provisioned;
    /** When the identity provider deleted the member (SCIM DELETE): deactivated, and no longer one of its users. */
    @Column(name = "deprovisioned_at")
    public Instant deprovisionedAt;
    /** A keyed hash of the member's identity provider (issuer) and subject there, once they signed in with SSO. */
    @Column(name = "sso_subject")
    public String ssoSubject;
    /** Counted by the database on every change of what SCIM shows of the member: its ETag. */
    @Column(insertable = false, updatable = false)
    public long version;
    /** The member's number, given by the database: it orders members only, to rotate suggested messages. */
    @Column(insertable = false, updatable = false)
    public long seat;

    public static Optional<Member> findByIdOptional(UUID id) {
        return Member.<Member> findByIdOptional((Object) id);
    }

    public static Optional<Member> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static Optional<Member> findBySsoSubject(String subject) {
        return find("ssoSubject", subject).firstResultOptional();
    }

    public static Optional<Member> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public static long countActiveAdmins() {
        return count("status = ?1 and array_contains(roleIds, ?2)", MemberStatus.ACTIVE, Role.ADMIN.id());
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String passwordHash() {
        return passwordHash;
    }

    @Override
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(roleIds).map(Role::of).forEach(roles::add);
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        roleIds = roles.stream().sorted().map(Role::id).toArray(String[]::new);
    }

    /** Members matching the filters, ordered by email, one keyset page (plus one row). */
    public static List<Member> findPage(MemberFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("from Member m where 1 = 1");
        Parameters params = new Parameters();
        filter.query().ifPresent(q -> {
            where.append(" and (lower(m.email) like :q or lower(m.name) like :q)");
            params.and("q", "%" + escapeLike(q.toLowerCase()) + "%");
        });
        filter.status().ifPresent(s -> {
            where.append(" and m.status = :status");
            params.and("status", s);
        });
        filter.role().ifPresent(r -> {
            where.append(" and array_contains(m.roleIds, :role)");
            params.and("role", r.id());
        });
        filter.groupId().ifPresent(g -> {
            where.append(" and exists (select 1 from GroupMembership gm where gm.id.memberId = m.id"
                    + " and gm.id.groupId = :groupId)");
            params.and("groupId", g);
        });
        page.cursor().ifPresent(c -> {
            where.append(" and (" + SORT_EMAIL + " > :afterEmail or (" + SORT_EMAIL
                    + " = :afterEmail and m.id > :afterId))");
            params.and("afterEmail", c.get(0)).and("afterId", PageRequest.uuid(c, 1));
        });
        return find(where + " order by " + SORT_EMAIL + ", m.id", params).page(0, page.fetchSize()).list();
    }

    public String sortEmail() {
        return email == null ? "" : email.toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static Map<UUID, List<UUID>> groupIdsOf(List<UUID> memberIds) {
        Map<UUID, List<UUID>> groups = new java.util.HashMap<>();
        if (memberIds.isEmpty()) {
            return groups;
        }
        // Ids only, not entities: a caller that then replaces memberships must not hold them in its session.
        getEntityManager()
                .createQuery("select m.id.memberId, m.id.groupId from GroupMembership m"
                        + " where m.id.memberId in ?1 order by m.id.groupId", Object[].class)
                .setParameter(1, memberIds).getResultStream()
                .forEach(row -> groups.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]));
        return groups;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    @Override
    public boolean canLogIn() {
        return status == MemberStatus.ACTIVE && (passwordHash != null || provisioned);
    }
}
