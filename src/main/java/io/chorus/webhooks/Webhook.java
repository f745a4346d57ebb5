package io.chorus.webhooks;

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

/** An endpoint an organization's admins registered for some event types; its signing secret is kept sealed. */
@Entity
@Table(name = "webhook_endpoints")
public class Webhook extends TenantOwned {

    @Id
    public UUID id;
    public String url;
    public String[] events = new String[0];
    @Column(name = "secret_sealed")
    public String secretSealed;
    public boolean enabled;
    /** Attempts failed since the last delivery, and since when. */
    public int failures;
    @Column(name = "failing_since")
    public Instant failingSince;
    /** Why the service disabled it (it kept failing); null when an admin did. */
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Webhook> findByIdOptional(UUID id) {
        return Webhook.<Webhook> findByIdOptional((Object) id);
    }

    /** Newest first, one keyset page (plus one row). */
    public static List<Webhook> findPage(PageRequest page) {
        return page.newestCreatedFirst((query, parameters) -> Webhook.<Webhook> find(query, parameters));
    }
}
