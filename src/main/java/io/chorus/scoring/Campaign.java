package io.chorus.scoring;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;

/** A time-boxed challenge on some content for some groups; its content and groups are in their own tables. */
@Entity
@Table(name = "campaigns")
public class Campaign extends TenantOwned {

    @Id
    public UUID id;
    public String name;
    public String description;
    public String slug;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "goal_metric")
    public String goalMetric;
    @Column(name = "goal_target")
    public Integer goalTarget;
    @Column(name = "bonus_points")
    public int bonusPoints;
    public String reward;
    @Column(name = "goal_reached_at")
    public Instant goalReachedAt;
    /** Whether the campaign mails its participants when it starts; announcedAt once it did. */
    public boolean announce;
    @Column(name = "announced_at")
    public Instant announcedAt;
    /** When the campaign clock noted its start and its end (null: not yet). */
    @Column(name = "start_noted_at")
    public Instant startNotedAt;
    @Column(name = "end_noted_at")
    public Instant endNotedAt;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** upcoming, active or ended, from the window. */
    public String statusAt(Instant now) {
        return now.isBefore(startsAt) ? "upcoming" : now.isBefore(endsAt) ? "active" : "ended";
    }
}
