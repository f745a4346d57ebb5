package io.chorus.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;

/**
 * One message to one endpoint, as its delivery log shows it. Rows are written (by {@link WebhookOutbox}) and sent (by
 * {@link WebhookSender}) in SQL; this entity only reads them.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends TenantOwned {

    @Id
    public UUID id;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    @Column(name = "event_type")
    public String eventType;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "retry_until")
    public Instant retryUntil;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "failed_at")
    public Instant failedAt;

    /** The endpoint's deliveries, newest first, one keyset page (plus one row). */
    public static List<WebhookDelivery> findPage(UUID endpointId, PageRequest page) {
        return page.cursor()
                .map(c -> WebhookDelivery.<WebhookDelivery> find(
                        "endpointId = ?1 and (createdAt < ?2"
                                + " or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                        endpointId, PageRequest.instant(c, 0), PageRequest.uuid(c, 1)))
                .orElseGet(() -> WebhookDelivery
                        .<WebhookDelivery> find("endpointId = ?1 order by createdAt desc, id desc", endpointId))
                .page(0, page.fetchSize()).list();
    }

    /**
     * The newest delivery of each of these endpoints (more than one when several share its time), by the log's index.
     */
    public static List<WebhookDelivery> findLatestOf(Collection<UUID> endpointIds) {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        return WebhookDelivery.<WebhookDelivery> find(
                "from WebhookDelivery d where d.endpointId in ?1 and d.createdAt"
                        + " = (select max(e.createdAt) from WebhookDelivery e where e.endpointId = d.endpointId)",
                endpointIds).list();
    }
}
