package io.chorus.common.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.chorus.common.Time;

/** Records who did what to which resource, in the caller's transaction and organization. */
@ApplicationScoped
public class Audit {

    public void record(UUID actorId, String action, String targetType, UUID targetId, Map<String, Object> detail) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.at = Time.now();
        event.actorId = actorId;
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.detail = detail;
        event.persist();
    }
}
