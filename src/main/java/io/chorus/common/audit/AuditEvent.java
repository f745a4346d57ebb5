package io.chorus.common.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.chorus.common.tenant.TenantOwned;

/** One entry of an organization's append-only audit trail. */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends TenantOwned {

    @Id
    public UUID id;
    public Instant at;
    @Column(name = "actor_id")
    public UUID actorId;
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public UUID targetId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;
}
