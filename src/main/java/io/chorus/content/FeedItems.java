package io.chorus.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.persistence.Jdbc;

/**
 * Each feed item's JSON (the FeedItem schema without {@code sharedByMe}, which is the member's), written by PostgreSQL
 * and remembered by the row's version: the {@code xmin} of the content row, which every update of the row changes. The
 * feed's statement reads each item's current version beside its id, so a remembered JSON is used only for the very row
 * version it was written from: an edit, an archive or an expiry is never answered from memory, on this instance or any
 * other, and nothing has to be told to forget.
 */
@ApplicationScoped
public class FeedItems {

    /**
     * The remembered JSON of one row version; its text ends without the closing brace, ready for sharedByMe. The app
     * reads it as a record, once.
     */
    private static final class Written {
        final long version;
        final String open;
        private volatile ContentViews.FeedItem record;

        Written(long version, String open) {
            this.version = version;
            this.open = open;
        }
    }

    /** The JSON of the FeedItem schema, less sharedByMe, as PostgreSQL writes it (made compact once read). */
    static final String ITEM_JSON = """
            json_build_object(
                'id', c.id, 'title', c.title, 'url', c.url, 'body', c.body, 'imageUrl', c.image_url,
                'language', c.language, 'topics', c.topics, 'suggestedMessages', c.suggested_messages,
                'publishedAt', to_char(c.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'expiresAt', to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
            """;

    /** A row's version: its {@code xmin}, as a number. */
    static final String VERSION = "c.xmin::text::bigint";

    /** About 32 MB of text at most (Java strings of feed items are Latin-1 mostly: a byte a character). */
    private final Cache<UUID, Written> written = Caffeine.newBuilder().maximumWeight(32L << 20)
            .weigher((UUID id, Written item) -> 2 * item.open.length() + 64).build();
    private final DataSource database;
    private final ObjectMapper json;

    @Inject
    public FeedItems(DataSource database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** An item of a feed's page: its id, its row's version and whether the member has shared it. */
    public record Seen(UUID id, long version, boolean sharedByMe) {
    }

    /** Appends each item's JSON, in order, with its sharedByMe, separated by commas, to a body that ends with '['. */
    public void append(StringBuilder body, UUID organization, List<Seen> items) {
        List<Written> shown = resolve(organization, items);
        for (int i = 0; i < items.size(); i++) {
            if (shown.get(i) != null) {
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(shown.get(i).open)
                        .append(items.get(i).sharedByMe() ? ",\"sharedByMe\":true}" : ",\"sharedByMe\":false}");
            }
        }
    }

    /** The items as records, in order: each the JSON {@link #append} writes, read. */
    public List<ContentViews.FeedItem> records(UUID organization, List<Seen> items) {
        List<Written> shown = resolve(organization, items);
        List<ContentViews.FeedItem> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Written item = shown.get(i);
            if (item != null) {
                ContentViews.FeedItem record = item.record;
                if (record == null) {
                    record = read(item.open + ",\"sharedByMe\":false}");
                    item.record = record;
                }
                records.add(items.get(i).sharedByMe() ? record.asShared() : record);
            }
        }
        return records;
    }

    private ContentViews.FeedItem read(String item) {
        try {
            return json.readValue(item, ContentViews.FeedItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed item's own JSON could not be read", e);
        }
    }

    /** What is remembered of each item in its version, read now if it is not; null for an item that is gone. */
    private List<Written> resolve(UUID organization, List<Seen> items) {
        Map<UUID, Written> read = readMissing(organization, items);
        List<Written> shown = new ArrayList<>(items.size());
        for (Seen item : items) {
            Written known = written.getIfPresent(item.id());
            Written current = known != null && known.version == item.version() ? known : read.get(item.id());
            if (current == null) {
                // Changed between the page's statement and this one: the page shows the newer version.
                current = readMissing(organization, List.of(new Seen(item.id(), -1, false))).get(item.id());
            }
            shown.add(current);
        }
        return shown;
    }

    private Map<UUID, Written> readMissing(UUID organization, List<Seen> items) {
        List<UUID> missing = new ArrayList<>();
        for (Seen item : items) {
            Written known = written.getIfPresent(item.id());
            if (known == null || known.version != item.version()) {
                missing.add(item.id());
            }
        }
        Map<UUID, Written> read = new HashMap<>();
        if (missing.isEmpty()) {
            return read;
        }
        List<Object[]> rows = Jdbc.rows(database,
                "select c.id, " + VERSION + ", " + ITEM_JSON
                        + " from content c where c.organization_id = ? and c.id = any(?)",
                organization, missing.toArray(UUID[]::new));
        for (Object[] row : rows) {
            String compact = compact((String) row[2]);
            Written item = new Written(((Number) row[1]).longValue(), compact.substring(0, compact.length() - 1));
            written.put((UUID) row[0], item);
            read.put((UUID) row[0], item);
        }
        return read;
    }

    /**
     * PostgreSQL writes JSON with a space around every colon and after every comma; the feed answers like every other
     * answer, as Jackson writes it. Done once per row version, when it is first read.
     */
    private String compact(String written) {
        try {
            return json.writeValueAsString(json.readTree(written));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote JSON that Jackson cannot read", e);
        }
    }
}
