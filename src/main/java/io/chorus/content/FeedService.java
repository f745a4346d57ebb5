package io.chorus.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.Time;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.tenant.Tenants;

/**
 * An ambassador's feed: content published now and not expired, targeted to everyone or to one of their groups, newest
 * first. Pages are keyset pages on (publishedAt, id); an item's publishedAt is fixed when it is published or scheduled,
 * so items appearing meanwhile land before the first page and paging neither skips nor repeats.
 * <p>
 * This is the hottest read of the product: one statement that walks the feed index for the page's ids, row versions and
 * {@code sharedByMe}, outside a transaction, then each item's JSON from {@link FeedItems} (remembered by row version).
 * The unfiltered page, which every app screen reads, is the database's {@code feed_page} function, so that PostgreSQL
 * plans it once per connection; a filtered page is planned for its filter. Being native SQL, it names the organization
 * itself.
 */
@ApplicationScoped
public class FeedService {

    /**
     * What a member's feed shows: published (or scheduled and due), not expired, for everyone or one of their groups.
     * Its parameters, in order: the organization, now, now, the member ({@link #visible}).
     */
    private static final String VISIBLE = """
            from content c
            where c.organization_id = ? and c.status in ('published', 'scheduled')
              and c.published_at <= ? and (c.expires_at is null or c.expires_at > ?)
              and (c.targets_everyone or c.target_group_ids
                    && array(select m.group_id from group_memberships m where m.member_id = ?))
            """;

    /**
     * A page of the feed: each item's id, row version and {@code sharedByMe}, which is a scalar subquery, one index
     * probe per item of the page (written as {@code exists (...)}, PostgreSQL 17 may plan it as a hashed subplan, built
     * by a sequential scan of {@code shares}: 50 ms a request with 500,000 shares).
     */
    private static final String FEED = "select c.published_at, c.id, " + FeedItems.VERSION + """
            , coalesce((select true from shares s where s.organization_id = c.organization_id
                                and s.member_id = ? and s.content_id = c.id limit 1), false)
            """ + VISIBLE;

    /** The member's language, for {@link #SHOWN_LANGUAGE}; its parameters: the organization, the member. */
    private static final String ME = "with me as (select m.language from members m where m.organization_id = ? and m.id = ?) ";

    /** The language a member is shown an item in: their own when the item has a variant in it, else the item's. */
    private static final String SHOWN_LANGUAGE = "(case when c.variants -> (select me.language from me) is not null"
            + " then (select me.language from me) else c.language end)";

    private final DataSource database;
    private final Tenants tenants;
    private final FeedItems items;
    private final ObjectMapper json;

    @Inject
    public FeedService(DataSource database, Tenants tenants, FeedItems items, ObjectMapper json) {
        this.database = database;
        this.tenants = tenants;
        this.items = items;
        this.json = json;
    }

    /**
     * The page as JSON: {@code {"items": [FeedItem...], "nextCursor": ...}}. Two statements at most, outside a
     * transaction: the page's ids with their versions, then the JSON of any item not remembered in that version.
     */
    public String feed(UUID memberId, Optional<String> topic, Optional<String> language, PageRequest page) {
        UUID organization = tenants.current();
        Rows rows = rows(organization, memberId, topic, language, page);
        StringBuilder body = new StringBuilder(256 + rows.shown().size() * 512).append("{\"items\":[");
        items.append(body, organization, new FeedItems.Viewer(organization, memberId), rows.shown());
        body.append("],\"nextCursor\":").append(rows.nextCursor() == null ? "null" : quote(rows.nextCursor()));
        return body.append('}').toString();
    }

    /** The items a page shows (id, row version, sharedByMe), newest first, and the cursor of the next page, if any. */
    private record Rows(List<FeedItems.Seen> shown, String nextCursor) {
    }

    private Rows rows(UUID organization, UUID memberId, Optional<String> topic, Optional<String> language,
            PageRequest page) {
        List<Object[]> rows = topic.isEmpty() && language.isEmpty() ? unfiltered(organization, memberId, page)
                : filtered(organization, memberId, topic, language, page);
        List<FeedItems.Seen> shown = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            shown.add(new FeedItems.Seen((UUID) row[1], ((Number) row[2]).longValue(), (Boolean) row[3]));
        }
        Object[] last = rows.size() > page.limit() ? rows.get(page.limit() - 1) : null;
        return new Rows(shown, last == null ? null : Cursor.of((Instant) last[0], last[1]).encode());
    }

    /**
     * The unfiltered page, by the database's {@code feed_page} (migration V19): the same statement as {@link #filtered}
     * without filters, planned once per connection instead of once per request.
     */
    private List<Object[]> unfiltered(UUID organization, UUID memberId, PageRequest page) {
        Instant beforeAt = page.cursor().map(c -> PageRequest.instant(c, 0)).orElse(null);
        UUID beforeId = page.cursor().map(c -> PageRequest.uuid(c, 1)).orElse(null);
        return Jdbc.rows(database, "select * from feed_page(?, ?, ?, cast(? as timestamptz), cast(? as uuid), ?)",
                organization, memberId, Time.now(), beforeAt, beforeId, page.fetchSize());
    }

    /** A page filtered by topic or language: planned for its filter's values (a rare topic takes its index). */
    private List<Object[]> filtered(UUID organization, UUID memberId, Optional<String> topic, Optional<String> language,
            PageRequest page) {
        StringBuilder sql = new StringBuilder(language.isPresent() ? ME + FEED : FEED);
        List<Object> parameters = new ArrayList<>();
        if (language.isPresent()) {
            parameters.addAll(List.of(organization, memberId));
        }
        parameters.add(memberId);
        parameters.addAll(visible(organization, memberId));
        topic.ifPresent(t -> {
            sql.append(" and c.topics @> array[cast(? as varchar)]");
            parameters.add(t);
        });
        language.ifPresent(l -> {
            // The language shown: the variant of the member's language, else the item's own.
            sql.append(" and " + SHOWN_LANGUAGE + " = ?");
            parameters.add(l);
        });
        page.appendNewestFirst(sql, parameters, "c.published_at", "c.id");
        return Jdbc.rows(database, sql.toString(), parameters.toArray());
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
    public Choices choices(UUID memberId) {
        UUID organization = tenants.current();
        List<Object> parameters = new ArrayList<>(List.of(organization, memberId));
        parameters.addAll(visible(organization, memberId));
        parameters.add(CHOICES_FROM);
        List<Object[]> rows = Jdbc.rows(database, ME + ", latest as (select c.topics, " + SHOWN_LANGUAGE
                + " as language " + VISIBLE + " order by c.published_at desc, c.id desc limit ?)"
                + " select 't', topic from (select topic, count(*) as n from latest, unnest(latest.topics) topic"
                + " group by topic order by n desc, topic limit 50) t"
                + " union all select 'l', language from (select distinct language from latest order by 1) l",
                parameters.toArray());
        List<String> topics = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Object[] row : rows) {
            ("t".equals(row[0]) ? topics : languages).add((String) row[1]);
        }
        return new Choices(topics, languages);
    }

    /**
     * The same page as records, for the app, which shows what the API answers (each record is read from the very JSON
     * the API answers); with each item's row version, which changes whenever anything the item shows does, by id, and
     * for an item shown to the member in their own way (a variant, a rotated message) the key of that way.
     */
    public record Items(ContentViews.Feed feed, Map<UUID, Long> versions, Map<UUID, String> voices) {
    }

    public Items items(UUID memberId, Optional<String> topic, Optional<String> language, PageRequest page) {
        UUID organization = tenants.current();
        Rows rows = rows(organization, memberId, topic, language, page);
        Map<UUID, Long> versions = new HashMap<>();
        rows.shown().forEach(item -> versions.put(item.id(), item.version()));
        Map<UUID, String> voices = new HashMap<>();
        List<ContentViews.FeedItem> records = items.records(organization, new FeedItems.Viewer(organization, memberId),
                rows.shown(), voices);
        return new Items(new ContentViews.Feed(records, rows.nextCursor()), versions, voices);
    }

    /** {@link #VISIBLE}'s parameters. */
    private static List<Object> visible(UUID organization, UUID memberId) {
        Instant now = Time.now();
        return List.of(organization, now, now, memberId);
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
