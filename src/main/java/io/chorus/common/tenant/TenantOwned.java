package io.chorus.common.tenant;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The base of every tenant-owned entity: its {@code organization_id} is Hibernate's tenant id, so reads are filtered on
 * the current organization and writes are stamped with it.
 */
@MappedSuperclass
public abstract class TenantOwned extends PanacheEntityBase {

    @TenantId
    @Convert(converter = TenantIdConverter.class)
    @Column(name = "organization_id")
    public String organizationId;

    public UUID organization() {
        return UUID.fromString(organizationId);
    }
}
