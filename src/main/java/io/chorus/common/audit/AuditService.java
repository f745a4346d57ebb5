package io.chorus.common.audit;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;

/** Reads the audit trail; nothing here or anywhere else changes or deletes an entry. */
@ApplicationScoped
public class AuditService {

    @Transactional
    public Page<AuditEventView> list(Optional<String> action, Optional<UUID> actorId, PageRequest page) {
        return Page.of(AuditEvent.findPage(action, actorId, page), page, e -> Cursor.of(e.at, e.id))
                .map(e -> new AuditEventView(e.id, e.at, e.actorId, e.action, e.targetType, e.targetId, e.detail));
    }
}
