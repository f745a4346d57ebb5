package io.chorus.mail;

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

/** A curator's broadcast of one published item to everyone it targets; its mails are in the outbox. */
@Entity
@Table(name = "broadcasts")
public class Broadcast extends TenantOwned {

    @Id
    public UUID id;
    @Column(name = "content_id")
    public UUID contentId;
    public String note;
    public int recipients;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Its mails deleted from the outbox past their keeping time, by their state: they still count. */
    @Column(name = "sent_deleted")
    public int sentDeleted;
    @Column(name = "failed_deleted")
    public int failedDeleted;
    @Column(name = "cancelled_deleted")
    public int cancelledDeleted;

    public static Optional<Broadcast> findByIdOptional(UUID id) {
        return Broadcast.<Broadcast> findByIdOptional((Object) id);
    }

    /** Newest first, one keyset page (plus one row). */
    public static List<Broadcast> findPage(PageRequest page) {
        return page.newestCreatedFirst((query, parameters) -> Broadcast.<Broadcast> find(query, parameters));
    }
}
