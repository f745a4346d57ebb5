package io.chorus.sso;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;
import io.chorus.identity.Role;

/** An OpenID provider an organization's members sign in through; its client secret is kept sealed. */
@Entity
@Table(name = "identity_providers")
public class IdentityProvider extends TenantOwned {

    /** IdP groups that give Chorus roles and groups. */
    public record GroupMapping(String idpGroup, List<Role> roles, List<UUID> groupIds) {
    }

    @Id
    public UUID id;
    public String name;
    public String issuer;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "client_secret_sealed")
    public String clientSecretSealed;
    @Column(name = "allowed_domains")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> allowedDomains = new ArrayList<>();
    @Column(name = "email_claim")
    public String emailClaim;
    @Column(name = "groups_claim")
    public String groupsClaim;
    @Column(name = "group_mappings")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<GroupMapping> groupMappings = new ArrayList<>();
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<IdentityProvider> findByIdOptional(UUID id) {
        return IdentityProvider.<IdentityProvider> findByIdOptional((Object) id);
    }

    /** The enabled providers, oldest first (the first is the default). */
    public static List<IdentityProvider> findEnabled() {
        return list("enabled = true order by createdAt, id");
    }

    public static Optional<IdentityProvider> findByName(String name, UUID except) {
        return find("lower(name) = lower(?1) and id <> ?2", name, except).firstResultOptional();
    }

    public static List<IdentityProvider> findPage(PageRequest page) {
        return page
                .newestCreatedFirst((query, parameters) -> IdentityProvider.<IdentityProvider> find(query, parameters));
    }
}
