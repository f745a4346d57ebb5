package io.chorus.trust;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;

/** One version of an organization's social-media charter (Markdown). A change is a new version, never an edit. */
@Entity
@Table(name = "charters")
public class Charter extends TenantOwned {

    @Id
    public UUID id;
    public int version;
    public String text;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public UUID publishedBy;

    /** The organization's latest version, if it has a charter at all. */
    public static Optional<Charter> findCurrent() {
        return find("order by version desc").<Charter> firstResultOptional();
    }
}
