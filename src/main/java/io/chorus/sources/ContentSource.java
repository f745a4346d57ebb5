package io.chorus.sources;

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

/** An RSS 2.0 or Atom feed a curator added, what its new items get, and its health. */
@Entity
@Table(name = "content_sources")
public class ContentSource extends TenantOwned {

    public static final String REVIEW = "review";
    public static final String PUBLISH = "publish";

    @Id
    public UUID id;
    public String url;
    public String[] topics = new String[0];
    @Column(name = "target_group_ids")
    public UUID[] targetGroupIds = new UUID[0];
    public String language;
    /** {@link #REVIEW} or {@link #PUBLISH}. */
    public String mode;
    public boolean enabled;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "items_taken")
    public int itemsTaken;
    /** Articles skipped because the organization had them already (another source's, or made by hand). */
    @Column(name = "duplicates_skipped")
    public int duplicatesSkipped;
    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ContentSource> findByIdOptional(UUID id) {
        return ContentSource.<ContentSource> findByIdOptional((Object) id);
    }

    public static Optional<ContentSource> findByUrl(String url) {
        return ContentSource.<ContentSource> find("url", url).firstResultOptional();
    }

    /** Newest first, one keyset page (plus one row). */
    public static List<ContentSource> findPage(PageRequest page) {
        return page.newestCreatedFirst((query, parameters) -> ContentSource.<ContentSource> find(query, parameters));
    }
}
