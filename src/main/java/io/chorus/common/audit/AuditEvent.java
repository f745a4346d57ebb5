package io.chorus.common.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import io.quarkus.panache.common.Parameters;

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

    /** A page of the organization's trail, newest first, optionally only one action or one actor's. */
    public static List<AuditEvent> findPage(Optional<String> action, Optional<UUID> actorId, PageRequest page) {
        StringBuilder where = new StringBuilder("from AuditEvent e where 1 = 1");
        Parameters params = new Parameters();
        action.ifPresent(a -> {
            where.append(" and e.action = :action");
            params.and("action", a);
        });
        actorId.ifPresent(a -> {
            where.append(" and e.actorId = :actorId");
            params.and("actorId", a);
        });
        page.cursor().ifPresent(c -> {
            where.append(" and (e.at < :beforeAt or (e.at = :beforeAt and e.id < :beforeId))");
            params.and("beforeAt", PageRequest.instant(c, 0)).and("beforeId", PageRequest.uuid(c, 1));
        });
        return find(where + " order by e.at desc, e.id desc", params).page(0, page.fetchSize()).list();
    }
}
