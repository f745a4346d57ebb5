package io.chorus.content;

import java.time.Instant;
import java.util.LinkedHashMap;
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

import io.chorus.common.Time;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;
import io.quarkus.panache.common.Parameters;

/** A link with text and suggested share messages, curated or submitted, that ambassadors share. */
@Entity
@Table(name = "content")
public class Content extends TenantOwned {

    @Id
    public UUID id;
    public String title;
    public String url;
    public String body;
    @Column(name = "image_url")
    public String imageUrl;
    public String language;
    public String[] topics = new String[0];
    @Column(name = "suggested_messages")
    @JdbcTypeCode(SqlTypes.JSON)
    /** Keyed by network id ({@code linkedin}, {@code x}...), in the networks' order. */
    public Map<String, String> suggestedMessages = new LinkedHashMap<>();
    /** More suggested messages per network, after the primary one of {@link #suggestedMessages}. */
    @Column(name = "alternative_messages")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> alternativeMessages = new LinkedHashMap<>();
    /** The item's translations, keyed by language tag. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Voices.Variant> variants = new LinkedHashMap<>();
    /** This item's own disclosure line, used instead of the organization's; null: the organization's. */
    public String disclosure;
    @Column(name = "targets_everyone")
    public boolean targetsEveryone;
    /** As stored; read {@link #statusAt} for what it is now. */
    public ContentStatus status;
    @Column(name = "publish_at")
    public Instant publishAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "decided_by")
    public UUID decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Content> findByIdOptional(UUID id) {
        return Content.<Content> findByIdOptional((Object) id);
    }

    /** Curators' list, newest first, filtered by the status each item has now. */
    public static List<Content> findPage(ContentFilter filter, PageRequest page, Instant now) {
        StringBuilder where = new StringBuilder("from Content c where 1 = 1");
        Parameters params = new Parameters();
        filter.status().ifPresent(status -> whereStatus(status, now, where, params));
        filter.topic().ifPresent(topic -> {
            where.append(" and array_contains(c.topics, :topic)");
            params.and("topic", topic);
        });
        filter.query().ifPresent(q -> {
            where.append(" and (lower(c.title) like :q or lower(coalesce(c.body, '')) like :q)");
            params.and("q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        return find(afterCursor(where, params, page, "desc") + " order by c.createdAt desc, c.id desc", params)
                .page(0, page.fetchSize()).list();
    }

    /** How many items have this status now. */
    public static long countWithStatus(ContentStatus status, Instant now) {
        StringBuilder where = new StringBuilder("from Content c where 1 = 1");
        Parameters params = new Parameters();
        whereStatus(status, now, where, params);
        return count(where.toString(), params);
    }

    /** Decided submissions, the latest decision first. */
    public static List<Content> findRecentlyDecided(int limit) {
        return find("from Content c where c.decidedAt is not null order by c.decidedAt desc, c.id desc").page(0, limit)
                .list();
    }

    private static void whereStatus(ContentStatus status, Instant now, StringBuilder where, Parameters params) {
        where.append(" and ").append(statusCondition(status));
        params.and("status", status);
        if (status == ContentStatus.PUBLISHED || status == ContentStatus.EXPIRED) {
            params.and("now", now).and("scheduled", ContentStatus.SCHEDULED);
        }
        if (status == ContentStatus.EXPIRED) {
            params.and("published", ContentStatus.PUBLISHED);
        }
        if (status == ContentStatus.SCHEDULED) {
            params.and("now", now);
        }
    }

    /** The effective status as a query condition: stored status, corrected by the clock. */
    private static String statusCondition(ContentStatus status) {
        return switch (status) {
            case PUBLISHED -> "((c.status = :status or (c.status = :scheduled and c.publishedAt <= :now))"
                    + " and (c.expiresAt is null or c.expiresAt > :now))";
            case SCHEDULED -> "(c.status = :status and c.publishedAt > :now)";
            case EXPIRED -> "(c.status = :status or (c.status in (:scheduled, :published) and c.expiresAt <= :now))";
            default -> "c.status = :status";
        };
    }

    public static List<Content> findByAuthor(UUID author, PageRequest page) {
        StringBuilder where = new StringBuilder("from Content c where c.authorId = :author");
        Parameters params = Parameters.with("author", author);
        return find(afterCursor(where, params, page, "desc") + " order by c.createdAt desc, c.id desc", params)
                .page(0, page.fetchSize()).list();
    }

    public static List<Content> findPending(PageRequest page) {
        StringBuilder where = new StringBuilder("from Content c where c.status = :status");
        Parameters params = Parameters.with("status", ContentStatus.PENDING_REVIEW);
        return find(afterCursor(where, params, page, "asc") + " order by c.createdAt, c.id", params)
                .page(0, page.fetchSize()).list();
    }

    /** Appends the keyset condition of a list ordered by (createdAt, id). */
    private static String afterCursor(StringBuilder where, Parameters params, PageRequest page, String direction) {
        page.cursor().ifPresent(c -> {
            String op = direction.equals("desc") ? "<" : ">";
            where.append(" and (c.createdAt ").append(op).append(" :afterTime or (c.createdAt = :afterTime and c.id ")
                    .append(op).append(" :afterId))");
            params.and("afterTime", PageRequest.instant(c, 0)).and("afterId", PageRequest.uuid(c, 1));
        });
        return where.toString();
    }

    /** Topics with their number of items that are not archived, most used first. */
    @SuppressWarnings("unchecked")
    public static List<ContentViews.TopicCount> topicCounts(UUID organizationId, Optional<UUID> feedOf,
            PageRequest page) {
        // Someone who does not curate counts only what their feed shows, so no topic of a draft, of someone else's
        // submission or of content targeted elsewhere is revealed to them.
        String visible = feedOf.map(member -> " and c.status in ('published', 'scheduled') and c.published_at <= :now"
                + " and (c.expires_at is null or c.expires_at > :now) and (c.targets_everyone or c.target_group_ids"
                + " && array(select m.group_id from group_memberships m where m.organization_id = :org"
                + " and m.member_id = :member))").orElse("");
        String having = page.cursor()
                .map(c -> " having count(*) < :afterCount or (count(*) = :afterCount and topic > :afterTopic)")
                .orElse("");
        var query = getEntityManager()
                .createNativeQuery("select topic, count(*) from content c, unnest(c.topics) topic"
                        + " where c.organization_id = :org and c.status <> 'archived'" + visible + " group by topic"
                        + having + " order by count(*) desc, topic limit :limit")
                .setParameter("org", organizationId).setParameter("limit", page.fetchSize());
        feedOf.ifPresent(member -> query.setParameter("member", member).setParameter("now", Time.now()));
        page.cursor().ifPresent(
                c -> query.setParameter("afterCount", PageRequest.number(c, 0)).setParameter("afterTopic", c.get(1)));
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new ContentViews.TopicCount((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** The item's texts in its language and its variants, to be shown to a member. */
    public Voices.Texts texts() {
        return new Voices.Texts(id, language, title, body, suggestedMessages, alternativeMessages, variants);
    }

    /**
     * The status at this instant: a scheduled item is published from its time on and a published item expired from its
     * end, to the second, whether or not the clock job has stored it yet.
     */
    public ContentStatus statusAt(Instant now) {
        ContentStatus current = status;
        if (current == ContentStatus.SCHEDULED && !publishedAt.isAfter(now)) {
            current = ContentStatus.PUBLISHED;
        }
        if (current == ContentStatus.PUBLISHED && expiresAt != null && !expiresAt.isAfter(now)) {
            current = ContentStatus.EXPIRED;
        }
        return current;
    }
}
