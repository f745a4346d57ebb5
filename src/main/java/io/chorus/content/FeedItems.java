package io.chorus.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        /** An item with variants or alternative messages: its texts, to show each member theirs; null otherwise. */
        final Voices.Texts texts;
        private volatile ContentViews.FeedItem record;

        Written(long version, String open, Voices.Texts texts) {
            this.version = version;
            this.open = open;
            this.texts = texts;
        }
    }

    /**
     * Whom a page is for: the member's language and seat ({@link Voices}), read once, by the first item of the page
     * that has variants or alternative messages; a page without any never reads them.
     */
    public static final class Viewer {
        private final UUID organization;
        private final UUID member;
        private Object[] read;

        public Viewer(UUID organization, UUID member) {
            this.organization = organization;
            this.member = member;
        }

        String language(DataSource database) {
            return (String) row(database)[0];
        }

        long seat(DataSource database) {
            return ((Number) row(database)[1]).longValue();
        }

        private Object[] row(DataSource database) {
            if (read == null) {
                List<Object[]> rows = Jdbc.rows(database,
                        "select m.language, m.seat from members m where m.organization_id = ? and m.id = ?",
                        organization, member);
                read = rows.isEmpty() ? new Object[] { null, 0L } : rows.get(0);
            }
            return read;
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
    public void append(StringBuilder body, UUID organization, Viewer viewer, List<Seen> items) {
        List<Written> shown = resolve(organization, items);
        for (int i = 0; i < items.size(); i++) {
            if (shown.get(i) != null) {
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(open(shown.get(i), viewer))
                        .append(items.get(i).sharedByMe() ? ",\"sharedByMe\":true}" : ",\"sharedByMe\":false}");
            }
        }
    }

    /**
     * The items as records, in order: each the JSON {@link #append} writes, read. An item shown to this member in their
     * own way (variant, rotated message) gets the key of that way in {@code voices}, for the renderings kept.
     */
    public List<ContentViews.FeedItem> records(UUID organization, Viewer viewer, List<Seen> items,
            Map<UUID, String> voices) {
        List<Written> shown = resolve(organization, items);
        List<ContentViews.FeedItem> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Written item = shown.get(i);
            if (item != null && item.texts != null) {
                Voices.Shown voice = item.texts.shownTo(viewer.language(database), viewer.seat(database));
                voices.put(items.get(i).id(), voice.language() + voice.offers().values().stream()
                        .map(o -> String.valueOf(o.index())).collect(Collectors.joining(",", "/", "")));
                ContentViews.FeedItem record = read(open(item, voice) + ",\"sharedByMe\":false}");
                records.add(items.get(i).sharedByMe() ? record.asShared() : record);
            } else if (item != null) {
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

    /** The item's JSON, without its closing brace, as this member is shown it. */
    private String open(Written item, Viewer viewer) {
        if (item.texts == null) {
            return item.open;
        }
        return open(item, item.texts.shownTo(viewer.language(database), viewer.seat(database)));
    }

    private String open(Written item, Voices.Shown shown) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(item.open + "}");
            node.put("title", shown.title());
            node.put("body", shown.body());
            node.put("language", shown.language());
            node.set("suggestedMessages", json.valueToTree(shown.messages()));
            String written = json.writeValueAsString(node);
            return written.substring(0, written.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed item's own JSON could not be read", e);
        }
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
                "select c.id, " + VERSION + ", " + ITEM_JSON + ", " + VOICES
                        + " from content c where c.organization_id = ? and c.id = any(?)",
                organization, missing.toArray(UUID[]::new));
        for (Object[] row : rows) {
            String compact = compact((String) row[2]);
            Written item = new Written(((Number) row[1]).longValue(), compact.substring(0, compact.length() - 1),
                    texts((UUID) row[0], compact, (String) row[3]));
            written.put((UUID) row[0], item);
            read.put((UUID) row[0], item);
        }
        return read;
    }

    /** An item's variants and alternative messages, as JSON, when it has any; else null. */
    private static final String VOICES = """
            case when c.variants <> '{}' or c.alternative_messages <> '{}'
                 then json_build_object('variants', c.variants, 'alternatives', c.alternative_messages)::text end
            """;

    private record Voiced(Map<String, Voices.Variant> variants, Map<String, List<String>> alternatives) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Own(String language, String title, String body, Map<String, String> suggestedMessages) {
    }

    /** The texts a voiced item is shown from (its own in its JSON, its variants and alternatives); else null. */
    private Voices.Texts texts(UUID id, String item, String voices) {
        if (voices == null) {
            return null;
        }
        try {
            Voiced voiced = json.readValue(voices, Voiced.class);
            Own own = json.readValue(item, Own.class);
            Voices.Texts texts = new Voices.Texts(id, own.language(), own.title(), own.body(),
                    own.suggestedMessages() == null ? Map.of() : own.suggestedMessages(), voiced.alternatives(),
                    voiced.variants());
            return texts.voiced() ? texts : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed item's variants could not be read", e);
        }
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
