package io.chorus.scim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;

/** A bearer token an admin created for the organization's identity provider; only its hash is kept. */
@Entity
@Table(name = "scim_tokens")
public class ScimToken extends TenantOwned {

    @Id
    public UUID id;
    public String name;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** The organization's tokens, newest first, one keyset page (plus one row). */
    public static List<ScimToken> findPage(PageRequest page) {
        return page.newestCreatedFirst((query, parameters) -> ScimToken.<ScimToken> find(query, parameters));
    }
}
