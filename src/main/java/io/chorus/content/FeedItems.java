package io.chorus.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** The remembered JSON of one row version; its text ends without the closing brace, ready for sharedByMe. */
    private record Written(long version, String open) {
    }

    /** The JSON of the FeedItem schema, less sharedByMe; the same text the feed has always answered. */
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
            .weigher((UUID id, Written item) -> item.open().length() + 64).build();
    private final DataSource database;

    @Inject
    public FeedItems(DataSource database) {
        this.database = database;
    }

    /** An item of a feed's page: its id, its row's version and whether the member has shared it. */
    public record Seen(UUID id, long version, boolean sharedByMe) {
    }

    /** Appends each item's JSON, in order, with its sharedByMe, separated by commas, to a body that ends with '['. */
    public void append(StringBuilder body, UUID organization, List<Seen> items) {
        Map<UUID, String> read = readMissing(organization, items);
        for (int i = 0; i < items.size(); i++) {
            Seen item = items.get(i);
            Written known = written.getIfPresent(item.id());
            String open = known != null && known.version() == item.version() ? known.open() : read.get(item.id());
            if (open == null) {
                // Changed between the page's statement and this one: the page shows the newer version.
                open = readMissing(organization, List.of(new Seen(item.id(), -1, false))).get(item.id());
                if (open == null) {
                    continue;
                }
            }
            body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(open)
                    .append(item.sharedByMe() ? ", \"sharedByMe\" : true}" : ", \"sharedByMe\" : false}");
        }
    }

    private Map<UUID, String> readMissing(UUID organization, List<Seen> items) {
        List<UUID> missing = new ArrayList<>();
        for (Seen item : items) {
            Written known = written.getIfPresent(item.id());
            if (known == null || known.version() != item.version()) {
                missing.add(item.id());
            }
        }
        Map<UUID, String> read = new HashMap<>();
        if (missing.isEmpty()) {
            return read;
        }
        List<Object[]> rows = Jdbc.rows(database,
                "select c.id, " + VERSION + ", " + ITEM_JSON
                        + " from content c where c.organization_id = ? and c.id = any(?)",
                organization, missing.toArray(UUID[]::new));
        for (Object[] row : rows) {
            String json = (String) row[2];
            String open = json.substring(0, json.length() - 1);
            written.put((UUID) row[0], new Written(((Number) row[1]).longValue(), open));
            read.put((UUID) row[0], open);
        }
        return read;
    }
}
