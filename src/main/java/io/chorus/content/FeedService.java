package io.chorus.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.Time;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.Tenants;

/**
 * An ambassador's feed: content published now and not expired, targeted to everyone or to one of their groups, newest
 * first. Pages are keyset pages on (publishedAt, id); an item's publishedAt is fixed when it is published or scheduled,
 * so items appearing meanwhile land before the first page and paging neither skips nor repeats.
 * <p>
 * This is the hottest read of the product, so it is one SQL statement that walks the feed index and has PostgreSQL
 * write each item's JSON (the FeedItem schema of openapi.yaml); the service only joins the items into the page. Being
 * native SQL, it names the organization itself.
 */
@ApplicationScoped
public class FeedService {

    /**
     * What a member's feed shows: published (or scheduled and due), not expired, for everyone or one of their groups.
     */
    private static final String VISIBLE = """
            from content c
            where c.organization_id = :org and c.status in ('published', 'scheduled')
              and c.published_at <= :now and (c.expires_at is null or c.expires_at > :now)
              and (c.targets_everyone or c.target_group_ids
                    && array(select m.group_id from group_memberships m where m.member_id = :member))
            """;

    /**
     * A page of the feed, each item's JSON built by PostgreSQL. {@code sharedByMe} is a scalar subquery, one index
     * probe per item of the page: written as {@code exists (...)}, PostgreSQL 17 may plan it as a hashed subplan, built
     * by a sequential scan of {@code shares} (50 ms a request with 500,000 shares).
     */
    private static final String FEED = """
            select c.published_at, c.id, json_build_object(
                'id', c.id, 'title', c.title, 'url', c.url, 'body', c.body, 'imageUrl', c.image_url,
                'language', c.language, 'topics', c.topics, 'suggestedMessages', c.suggested_messages,
                'publishedAt', to_char(c.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'expiresAt', to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'sharedByMe', coalesce((select true from shares s where s.organization_id = c.organization_id
                                                and s.member_id = :member and s.content_id = c.id limit 1), false))::text
            """
            + VISIBLE;

    private final EntityManager em;
    private final Tenants tenants;
    private final ObjectMapper json;

    @Inject
    public FeedService(EntityManager em, Tenants tenants, ObjectMapper json) {
        this.em = em;
        this.tenants = tenants;
        this.json = json;
    }

    /** The page as JSON: {@code {"items": [FeedItem...], "nextCursor": ...}}. */
    @Transactional
    @SuppressWarnings("unchecked")
    public String feed(UUID memberId, Optional<String> topic, Optional<String> language, PageRequest page) {
        StringBuilder sql = new StringBuilder(FEED);
        topic.ifPresent(t -> sql.append(" and c.topics @> array[cast(:topic as varchar)]"));
        language.ifPresent(l -> sql.append(" and c.language = :language"));
        page.cursor().ifPresent(c -> sql.append(" and (c.published_at, c.id) < (:afterTime, :afterId)"));
        sql.append(" order by c.published_at desc, c.id desc limit :limit");
        var query = em.createNativeQuery(sql.toString()).setParameter("org", tenants.current())
                .setParameter("member", memberId).setParameter("now", Time.now())
                .setParameter("limit", page.fetchSize());
        topic.ifPresent(t -> query.setParameter("topic", t));
        language.ifPresent(l -> query.setParameter("language", l));
        page.cursor().ifPresent(c -> query.setParameter("afterTime", PageRequest.instant(c, 0)).setParameter("afterId",
                PageRequest.uuid(c, 1)));
        List<Object[]> rows = query.getResultList();
        StringBuilder body = new StringBuilder(256 + rows.size() * 512).append("{\"items\":[");
        int shown = Math.min(rows.size(), page.limit());
        for (int i = 0; i < shown; i++) {
            body.append(i == 0 ? "" : ",").append((String) rows.get(i)[2]);
        }
        body.append("],\"nextCursor\":");
        if (rows.size() > page.limit()) {
            Object[] last = rows.get(page.limit() - 1);
            body.append(quote(Cursor.of((Instant) last[0], last[1]).encode()));
        } else {
            body.append("null");
        }
        return body.append('}').toString();
    }

    /** What a feed's filter offers: the topics of its latest items, most frequent first, and their languages. */
    public record Choices(List<String> topics, List<String> languages) {
    }

    /** The latest items of the member's feed that its filter's choices are taken from. */
    static final int CHOICES_FROM = 500;

    /**
     * The topics and languages of the member's latest {@value #CHOICES_FROM} feed items: counting every item of a large
     * feed took tens of milliseconds, the latest ones are read from the feed's index in a few.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Choices choices(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery("with latest as (select c.topics, c.language " + VISIBLE
                + " order by c.published_at desc, c.id desc limit :latest)"
                + " select 't', topic from (select topic, count(*) as n from latest, unnest(latest.topics) topic"
                + " group by topic order by n desc, topic limit 50) t"
                + " union all select 'l', language from (select distinct language from latest order by 1) l")
                .setParameter("org", tenants.current()).setParameter("member", memberId).setParameter("now", Time.now())
                .setParameter("latest", CHOICES_FROM).getResultList();
        List<String> topics = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Object[] row : rows) {
            ("t".equals(row[0]) ? topics : languages).add((String) row[1]);
        }
        return new Choices(topics, languages);
    }

    /** The same page, read back into records: for the app, which shows what the API answers. */
    @Transactional
    public ContentViews.Feed items(UUID memberId, Optional<String> topic, Optional<String> language, PageRequest page) {
        try {
            return json.readValue(feed(memberId, topic, language, page), ContentViews.Feed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The feed's own JSON could not be read", e);
        }
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
