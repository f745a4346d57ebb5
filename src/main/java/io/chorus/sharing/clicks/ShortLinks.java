package io.chorus.sharing.clicks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.Time;
import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.persistence.Jdbc;
import io.chorus.content.ContentUrlChanged;
import io.chorus.conversions.ClickIdsChanged;
import io.chorus.sharing.UtmLinks;
import io.netty.util.AsciiString;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpHeaders;

/**
 * Where each short link leads, remembered so that a redirect does not wait for the database. Codes name one share
 * across the deployment (see {@code ShareService}), so the look-up names no organization. An edit made on any instance
 * is announced to every instance ({@link LinkSignals}), which forgets the links it changed; every
 * {@code link-cache-ttl} all remembered links are read again too, a thousand to a statement, so that a campaign that
 * starts or ends applies within that time (and as the signals' safety net). While the database cannot answer they are
 * kept as they are, so links keep working through an outage. Unknown codes are remembered briefly too, so that a flood
 * of made-up codes cannot hammer the database.
 */
@Singleton
public class ShortLinks {

    /**
     * A share's short link: whose it is and the tagged destination, as the bytes of the Location header
     * (percent-encoded UTF-8 beyond ASCII), made once per link rather than once per redirect.
     */
    public record ShortLink(UUID shareId, UUID organizationId, UUID sharerId, UUID contentId, CharSequence location,
            ClickLocation clickLocation) {

        /** The Location of a redirect that made click {@code id}: with its click id when the organization wants one. */
        public CharSequence location(UUID id) {
            return clickLocation == null ? location : clickLocation.with(id);
        }
    }

    /**
     * The Location header of a link whose organization appends click ids, as ASCII bytes before and after the id:
     * {@code ...utm_content=abc&chorus_click=} and the URL's fragment, if any. A redirect copies them around the id
     * into one array, which the header holds as it is.
     */
    public static final class ClickLocation {
        private final byte[] before;
        private final byte[] after;

        ClickLocation(String location) {
            int hash = location.indexOf('#');
            String head = hash < 0 ? location : location.substring(0, hash);
            char separator = head.indexOf('?') < 0 ? '?' : head.endsWith("?") || head.endsWith("&") ? 0 : '&';
            this.before = ((separator == 0 ? head : head + separator) + PARAMETER + "=")
                    .getBytes(StandardCharsets.US_ASCII);
            this.after = (hash < 0 ? "" : location.substring(hash)).getBytes(StandardCharsets.US_ASCII);
        }

        CharSequence with(UUID id) {
            byte[] bytes = Arrays.copyOf(before, before.length + ClickIds.LENGTH + after.length);
            ClickIds.write(id, bytes, before.length);
            System.arraycopy(after, 0, bytes, before.length + ClickIds.LENGTH, after.length);
            return new AsciiString(bytes, false);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClickLocation o && Arrays.equals(before, o.before) && Arrays.equals(after, o.after);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(before) + Arrays.hashCode(after);
        }
    }

    /** The query parameter the click id is sent in. */
    public static final String PARAMETER = "chorus_click";

    private static final int LONGEST_CODE = 32;
    /** Codes read again in one statement: a statement per link was a query a second for every 30 links held. */
    private static final int REFRESH_BATCH = 1_000;
    private static final String LINKS = """
            select s.code, s.id, s.organization_id, s.member_id, s.content_id, s.network, c.url,
                   (select cp.slug from campaign_content cc
                    join campaigns cp on cp.organization_id = cc.organization_id and cp.id = cc.campaign_id
                    where cc.organization_id = s.organization_id and cc.content_id = s.content_id
                      and cp.starts_at <= ? and cp.ends_at > ?
                    order by cp.starts_at desc, cp.id limit 1),
                   coalesce(os.click_ids, true)
            from shares s
            join content c on c.id = s.content_id and c.organization_id = s.organization_id
            left join organization_settings os on os.organization_id = s.organization_id
            where s.code = any(?)""";
    private final DataSource dataSource;
    private final Cache<String, ShortLink> known;
    private final Cache<String, Boolean> unknown;
    private volatile boolean refreshFailed;
    /** Counts what signals made this instance forget: a link read before a forgetting is not remembered after it. */
    private final AtomicLong forgettings = new AtomicLong();

    @Inject
    public ShortLinks(DataSource dataSource, ClickConfig config, DatabaseSignals signals) {
        this.dataSource = dataSource;
        signals.listen(LinkSignals.CHANNEL, new DatabaseSignals.Listener() {
            @Override
            public void signal(String payload) {
                forget(payload);
            }

            @Override
            public void missed() {
                // Changes may have been missed: every link is read again (kept as it is if the database cannot answer).
                CompletableFuture.runAsync(ShortLinks.this::refresh);
            }
        });
        this.known = Caffeine.newBuilder().maximumSize(config.linkCacheSize()).expireAfterAccess(Duration.ofDays(1))
                .build();
        this.unknown = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.linkCacheTtl()).build();
    }

    /** The link if it is remembered; never blocks. */
    public ShortLink remembered(String code) {
        return known.getIfPresent(code);
    }

    /** Whether the code is remembered as unknown; never blocks. */
    public boolean knownUnknown(String code) {
        return code.isEmpty() || code.length() > LONGEST_CODE || unknown.getIfPresent(code) != null;
    }

    /** Asks the database (blocking) and remembers the answer. */
    public Optional<ShortLink> load(String code) {
        if (code.isEmpty() || code.length() > LONGEST_CODE) {
            return Optional.empty();
        }
        long mark = forgettings.get();
        ShortLink link = known.get(code, c -> {
            try {
                return read(List.of(c)).get(c);
            } catch (SQLException e) {
                throw new IllegalStateException("The short link could not be read: " + e.getMessage(), e);
            }
        });
        if (link == null) {
            unknown.put(code, Boolean.TRUE);
        } else if (forgettings.get() != mark) {
            known.asMap().remove(code, link); // read while a change was announced: it may predate the change
        }
        return Optional.ofNullable(link);
    }

    /**
     * Reads every remembered link again. A link is replaced only if nothing replaced it meanwhile (an edit on this
     * instance, a new read), so that an answer read before that never overwrites it.
     */
    @Scheduled(every = "${chorus.clicks.link-cache-ttl:PT30S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<Map.Entry<String, ShortLink>> held = new ArrayList<>(known.asMap().entrySet());
        for (int from = 0; from < held.size(); from += REFRESH_BATCH) {
            List<Map.Entry<String, ShortLink>> batch = held.subList(from, Math.min(held.size(), from + REFRESH_BATCH));
            Map<String, ShortLink> fresh;
            try {
                fresh = read(batch.stream().map(Map.Entry::getKey).toList());
            } catch (SQLException | RuntimeException e) {
                if (!refreshFailed) {
                    refreshFailed = true;
                    Log.warnf("Short links could not be read again (%s); they are answered as they were until the"
                            + " database answers", e.getMessage());
                }
                return;
            }
            refreshFailed = false;
            for (Map.Entry<String, ShortLink> entry : batch) {
                ShortLink link = fresh.get(entry.getKey());
                if (link == null) {
                    known.asMap().remove(entry.getKey(), entry.getValue());
                } else if (!link.equals(entry.getValue())) {
                    known.asMap().replace(entry.getKey(), entry.getValue(), link);
                }
            }
        }
    }

    /** The links of these codes that exist, by code. */
    private Map<String, ShortLink> read(List<String> codes) throws SQLException {
        Instant now = Time.now();
        Map<String, ShortLink> links = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Object[] row : Jdbc.rows(connection, LINKS, now, now, codes.toArray(String[]::new))) {
                String code = (String) row[0];
                String location = UtmLinks.tag((String) row[6], (String) row[5],
                        Optional.ofNullable((String) row[7]).orElse(UtmLinks.ALWAYS_ON), code);
                String ascii = URI.create(location).toASCIIString();
                links.put(code, new ShortLink((UUID) row[1], (UUID) row[2], (UUID) row[3], (UUID) row[4],
                        HttpHeaders.createOptimized(ascii), (Boolean) row[8] ? new ClickLocation(ascii) : null));
            }
        }
        return links;
    }

    /**
     * Forgets what a signal of {@link LinkSignals} names (every instance hears it within milliseconds of the commit);
     * this instance's own changes are forgotten at once too, below.
     */
    private void forget(String payload) {
        forgettings.incrementAndGet();
        try {
            if (payload.startsWith(LinkSignals.CONTENT)) {
                UUID content = UUID.fromString(payload.substring(LinkSignals.CONTENT.length()));
                known.asMap().values().removeIf(link -> link.contentId().equals(content));
            } else if (payload.startsWith(LinkSignals.ORGANIZATION)) {
                UUID organization = UUID.fromString(payload.substring(LinkSignals.ORGANIZATION.length()));
                known.asMap().values().removeIf(link -> link.organizationId().equals(organization));
            } else {
                known.invalidateAll();
            }
        } catch (IllegalArgumentException e) {
            known.invalidateAll();
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentUrlChanged changed) {
        forget(LinkSignals.CONTENT + changed.contentId());
    }

    /** An organization's links changed form (click ids turned on or off): read again on their next use here. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClickIdsChanged changed) {
        forget(LinkSignals.ORGANIZATION + changed.organizationId());
    }
}
