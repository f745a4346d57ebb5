package io.chorus.common.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of an organization's audit trail, as its admins (and a member reading their own data) see it. */
public record AuditEventView(UUID id, Instant at, UUID actorId, String action, String targetType, UUID targetId,
        Map<String, Object> detail) {
}
