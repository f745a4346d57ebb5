package io.chorus.conversions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;

/** A key a site reports conversions with; only its hash is kept. */
@Entity
@Table(name = "conversion_keys")
public class ConversionKey extends TenantOwned {

    @Id
    public UUID id;
    public String name;
    public ConversionKeyKind kind;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "key_prefix")
    public String keyPrefix;
    @Column(name = "allowed_origins")
    public String[] allowedOrigins = new String[0];
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ConversionKey> findByIdOptional(UUID id) {
        return ConversionKey.<ConversionKey> findByIdOptional((Object) id);
    }

    /** Newest first, one keyset page (plus one row). */
    public static List<ConversionKey> findPage(PageRequest page) {
        return page.newestCreatedFirst((query, parameters) -> ConversionKey.<ConversionKey> find(query, parameters));
    }
}
