package io.chorus.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Backoff;
import io.chorus.common.Time;
import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.http.OutboundFetch;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.LinkPreviewService;
import io.chorus.content.LinkPreviewService.LinkPreview;
import io.quarkus.logging.Log;

/**
 * One pass over one source that its poller holds the lease of: the feed fetched outside any transaction (an
 * {@link OutboundFetch}, conditional on the validators the last answer gave), its new items — by GUID for the source,
 * by canonical URL for the organization — taken in one transaction through {@link ContentService} (as drafts, or
 * published in {@code publish} mode; one transaction each if one of them is refused), and the outcome written to the
 * source's health, which also releases the lease. What goes wrong — an unreachable, slow, huge, hostile or malformed
 * feed — is recorded there, and the next fetch waits twice as long after each failure; nothing is thrown.
 */
@ApplicationScoped
public class SourcePasses {

    private static final String CLAIM_ONE = """
            update content_sources set lease_until = ?
            where organization_id = ? and id = ? and (lease_until is null or lease_until < ?)""";
    private static final String TAKEN = """
            select guid from content_source_items where organization_id = ? and source_id = ? and guid = any (?)""";
    /** The GUIDs of a fetch new to the source, recorded in one statement; answers those it did not have. */
    private static final String TAKE_GUIDS = """
            insert into content_source_items (organization_id, source_id, guid, taken_at)
            select ?, ?, g, ? from unnest(?::text[]) g
            on conflict do nothing returning guid""";
    /** Their canonical URLs new to the organization, in one statement; answers those it did not have. */
    private static final String TAKE_URLS = """
            insert into content_source_urls (organization_id, canonical_url) select ?, u from unnest(?::text[]) u
            on conflict do nothing returning canonical_url""";
    private static final String SET_URL_CONTENT = """
            update content_source_urls s set content_id = t.id from unnest(?::text[], ?::uuid[]) t(url, id)
            where s.organization_id = ? and s.canonical_url = t.url""";
    /**
     * Items of the organization that may have one of the canonical URLs: those whose URL without query and fragment
     * matches one's (lower case, as its index holds it); compared canonically afterwards.
     */
    private static final String BY_HAND = """
            select c.id, c.url from content c
            where c.organization_id = ? and lower(split_part(split_part(c.url, '#', 1), '?', 1)) = any (?::text[])""";
    /** Each new GUID's item: the content its canonical URL has, made now or brought before. */
    private static final String SET_ITEM_CONTENT = """
            update content_source_items i set content_id = u.content_id
            from unnest(?::text[], ?::text[]) t(guid, url)
            join content_source_urls u on u.organization_id = ? and u.canonical_url = t.url
            where i.organization_id = ? and i.source_id = ? and i.guid = t.guid""";

    /** What a pass took: items made, and articles skipped as duplicates of what the organization had. */
    private record Taken(int made, int duplicates) {
        Taken plus(Taken other) {
            return new Taken(made + other.made, duplicates + other.duplicates);
        }
    }

    /** What a pass needs of its source, read before the fetch. */
    private record Snapshot(UUID id, String url, String etag, String lastModified, List<String> topics,
            List<UUID> groups, String language, boolean publish, UUID curator) {
    }

    private static final Taken NONE = new Taken(0, 0);

    private final SourcesConfig config;
    private final Tenants tenants;
    private final ContentService content;
    private final LinkPreviewService previews;
    private final DataSource database;
    private final OutboundFetch fetch;
    private final Backoff backoff;

    @Inject
    public SourcePasses(SourcesConfig config, OutboundAddresses addresses, Tenants tenants, ContentService content,
            LinkPreviewService previews, DataSource database) {
        this.config = config;
        this.tenants = tenants;
        this.content = content;
        this.previews = previews;
        this.database = database;
        this.fetch = new OutboundFetch(addresses, config.connectTimeout(),
                "ChorusFeeds/1.0 (+content sources for employee advocacy)");
        this.backoff = new Backoff(config.firstRetryAfter(), config.maxRetryAfter());
    }

    /** Claims the source (unless a poller holds it) and makes a pass over it; answers whether it could. */
    public boolean fetchNow(UUID organization, UUID id) {
        Instant now = Time.now();
        int claimed;
        try (var connection = database.getConnection()) {
            claimed = Jdbc.update(connection, CLAIM_ONE, now.plus(config.lease()), organization, id, now);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The source could not be claimed: " + e.getMessage(), e);
        }
        if (claimed == 0) {
            return false;
        }
        pass(organization, id);
        return true;
    }

    /** One pass over a source this poller holds; never throws. */
    public void pass(UUID organization, UUID id) {
        try {
            Snapshot source = tenants.callAs(organization,
                    () -> ContentSource.findByIdOptional(id).map(SourcePasses::snapshot).orElse(null));
            if (source != null) {
                fetchAndTake(organization, source);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Content source %s could not be fetched", id);
            record(organization, id, null, null, NONE,
                    "it could not be taken: " + shorten(String.valueOf(e.getMessage())), false);
        }
    }

    private void fetchAndTake(UUID organization, Snapshot source) {
        OutboundFetch.Answer answer;
        List<FeedParser.Entry> entries;
        try {
            answer = fetch.get(source.url(), conditions(source),
                    new OutboundFetch.Limits(config.timeout(), config.maxRedirects(), config.maxBytes(), false));
            if (answer.status() == 304) {
                record(organization, source.id(), source.etag(), source.lastModified(), NONE, null, true);
                return;
            }
            if (answer.status() < 200 || answer.status() > 299) {
                record(organization, source.id(), null, null, NONE, "the feed answered HTTP " + answer.status(), false);
                return;
            }
            entries = FeedParser.parse(answer.body(), answer.uri().toString(), config.maxItems());
        } catch (OutboundFetch.Failed | FeedParser.NotAFeed e) {
            record(organization, source.id(), null, null, NONE, e.getMessage(), false);
            return;
        }
        List<FeedParser.Entry> fresh = fresh(organization, source, entries);
        Taken taken = NONE;
        String itemError = null;
        try {
            taken = tenants.callAs(organization, () -> take(organization, source, fresh));
        } catch (ProblemException refused) {
            // One item was refused (a target group deleted since, a blocklisted word...): each alone, so that the
            // others are taken and the refused one says why.
            for (FeedParser.Entry entry : fresh) {
                try {
                    taken = taken.plus(tenants.callAs(organization, () -> take(organization, source, List.of(entry))));
                } catch (ProblemException e) {
                    itemError = "an item could not be taken (" + shorten(entry.link()) + "): " + e.getMessage();
                }
            }
        }
        record(organization, source.id(), answer.header("ETag"), answer.header("Last-Modified"), taken, itemError,
                true);
    }

    private static Map<String, String> conditions(Snapshot source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        if (source.etag() != null) {
            headers.put("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            headers.put("If-Modified-Since", source.lastModified());
        }
        return headers;
    }

    /**
     * The entries the source has not given yet (each GUID once), oldest first, so that the newest is the newest item;
     * the first few lacking a title, summary or image get them from their page's Open Graph tags.
     */
    private List<FeedParser.Entry> fresh(UUID organization, Snapshot source, List<FeedParser.Entry> entries) {
        Map<String, FeedParser.Entry> byGuid = new LinkedHashMap<>();
        entries.forEach(e -> byGuid.putIfAbsent(e.guid(), e));
        Set<String> known = Jdbc
                .rows(database, TAKEN, organization, source.id(), byGuid.keySet().toArray(String[]::new)).stream()
                .map(row -> (String) row[0]).collect(Collectors.toSet());
        List<FeedParser.Entry> fresh = new ArrayList<>();
        int previewed = 0;
        for (FeedParser.Entry entry : byGuid.values()) {
            if (known.contains(entry.guid())) {
                continue;
            }
            boolean lacking = entry.title() == null || entry.summary() == null || entry.imageUrl() == null;
            if (lacking && previewed < config.maxPreviews()) {
                previewed++;
                entry = filled(entry);
            }
            fresh.add(entry);
        }
        Collections.reverse(fresh);
        return fresh;
    }

    /** The feed's fields, and the page's Open Graph ones where the feed has none. */
    private FeedParser.Entry filled(FeedParser.Entry entry) {
        try {
            LinkPreview page = previews.preview(entry.link());
            return new FeedParser.Entry(entry.guid(), entry.link(), first(entry.title(), shorten(page.title(), 300)),
                    first(entry.summary(), page.description()), first(entry.imageUrl(), page.imageUrl()),
                    entry.published());
        } catch (ProblemException e) {
            return entry;
        }
    }

    /**
     * Takes entries in the current transaction, a handful of statements whatever their number: a GUID the source gave
     * before, or an article another source (or this one under another GUID, or an earlier entry of these) brought,
     * makes no new content item, nor does one whose canonical URL is that of an item made by hand.
     */
    private Taken take(UUID organization, Snapshot source, List<FeedParser.Entry> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        Set<String> newGuids = strings(Jdbc.rows(database, TAKE_GUIDS, organization, source.id(), Time.now(),
                entries.stream().map(FeedParser.Entry::guid).toArray(String[]::new)));
        Map<String, FeedParser.Entry> byUrl = new LinkedHashMap<>();
        List<String> guids = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (FeedParser.Entry entry : entries) {
            if (newGuids.contains(entry.guid())) {
                String url = CanonicalUrls.of(entry.link());
                byUrl.putIfAbsent(url, entry);
                guids.add(entry.guid());
                urls.add(url);
            }
        }
        if (guids.isEmpty()) {
            return NONE;
        }
        Set<String> newUrls = strings(
                Jdbc.rows(database, TAKE_URLS, organization, byUrl.keySet().toArray(String[]::new)));
        Map<String, UUID> byHand = byHand(organization, newUrls);
        if (!byHand.isEmpty()) {
            update(SET_URL_CONTENT, byHand.keySet().toArray(String[]::new), byHand.values().toArray(UUID[]::new),
                    organization);
        }
        List<String> made = byUrl.keySet().stream().filter(u -> newUrls.contains(u) && !byHand.containsKey(u)).toList();
        List<CreateContent> requests = new ArrayList<>();
        for (String url : made) {
            FeedParser.Entry entry = byUrl.get(url);
            String title = entry.title() == null ? shorten(url) : entry.title();
            requests.add(new CreateContent(title, url, entry.summary(), entry.imageUrl(), source.language(),
                    source.topics(), source.groups(), null, null, null, null, null, null));
        }
        List<UUID> ids = requests.isEmpty() ? List.of()
                : content.createAll(requests, new Actor(source.curator(), true));
        if (source.publish()) {
            ids.forEach(id -> content.publish(id, source.curator()));
        }
        if (!ids.isEmpty()) {
            update(SET_URL_CONTENT, made.toArray(String[]::new), ids.toArray(UUID[]::new), organization);
        }
        update(SET_ITEM_CONTENT, guids.toArray(String[]::new), urls.toArray(String[]::new), organization, organization,
                source.id());
        return new Taken(ids.size(), guids.size() - ids.size());
    }

    /** The items of the organization (made by hand: a source's are known by URL already) at these canonical URLs. */
    private Map<String, UUID> byHand(UUID organization, Set<String> urls) {
        Map<String, UUID> found = new LinkedHashMap<>();
        if (urls.isEmpty()) {
            return found;
        }
        String[] bases = urls.stream().map(u -> u.split("[?#]", 2)[0].toLowerCase(Locale.ROOT)).distinct()
                .toArray(String[]::new);
        for (Object[] row : Jdbc.rows(database, BY_HAND, organization, bases)) {
            String url = CanonicalUrls.of((String) row[1]);
            if (urls.contains(url)) {
                found.putIfAbsent(url, (UUID) row[0]);
            }
        }
        return found;
    }

    private static Set<String> strings(List<Object[]> rows) {
        return rows.stream().map(row -> (String) row[0]).collect(Collectors.toSet());
    }

    /** Writes the pass's outcome to the source's health and releases it. */
    private void record(UUID organization, UUID id, String etag, String lastModified, Taken taken, String error,
            boolean fetched) {
        try {
            tenants.runAs(organization, () -> ContentSource.findByIdOptional(id).ifPresent(source -> {
                Instant now = Time.now();
                source.lastFetchedAt = now;
                source.leaseUntil = null;
                if (fetched) {
                    source.etag = etag;
                    source.lastModified = lastModified;
                    source.lastSuccessAt = now;
                    source.consecutiveFailures = 0;
                    source.itemsTaken += taken.made();
                    source.duplicatesSkipped += taken.duplicates();
                    source.lastError = error;
                    source.nextFetchAt = now.plus(config.refreshInterval());
                } else {
                    source.consecutiveFailures++;
                    source.lastError = error;
                    source.nextFetchAt = now.plus(backoff.jittered(source.consecutiveFailures));
                }
            }));
        } catch (RuntimeException e) {
            Log.errorf(e, "The health of content source %s could not be written", id);
        }
    }

    private int update(String sql, Object... parameters) {
        try (var connection = database.getConnection()) {
            return Jdbc.update(connection, sql, parameters);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not write: " + e.getMessage(), e);
        }
    }

    private static Snapshot snapshot(ContentSource s) {
        return new Snapshot(s.id, s.url, s.etag, s.lastModified, List.of(s.topics), List.of(s.targetGroupIds),
                s.language, s.mode.equals(ContentSource.PUBLISH), s.createdBy);
    }

    private static String first(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String shorten(String text) {
        return shorten(text, 300);
    }

    private static String shorten(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }
}
