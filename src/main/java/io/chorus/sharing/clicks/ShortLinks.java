package io.chorus.sharing.clicks;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.chorus.content.ContentUrlChanged;
import io.chorus.sharing.UtmLinks;
import io.vertx.core.http.HttpHeaders;

/**
 * Where each short link leads, remembered so that a redirect does not wait for the database. Codes are unique across
 * the deployment, so the look-up names no organization. A remembered link is refreshed in the background once it is
 * older than {@code link-cache-ttl} and kept as it is while the database cannot answer, so links keep working through
 * an outage. Unknown codes are remembered briefly too, so that a flood of made-up codes cannot hammer the database.
 */
@Singleton
public class ShortLinks {

    /**
     * A share's short link: whose it is and the tagged destination, as the bytes of the Location header
     * (percent-encoded UTF-8 beyond ASCII), made once per link rather than once per redirect.
     */
    public record ShortLink(UUID shareId, UUID organizationId, UUID sharerId, UUID contentId, CharSequence location) {
    }

    private static final int LONGEST_CODE = 32;
    private final DataSource dataSource;
    private final LoadingCache<String, ShortLink> known;
    private final Cache<String, Boolean> unknown;

    @Inject
    public ShortLinks(DataSource dataSource, ClickConfig config, ManagedExecutor refresher) {
        this.dataSource = dataSource;
        this.known = Caffeine.newBuilder().maximumSize(config.linkCacheSize()).refreshAfterWrite(config.linkCacheTtl())
                .expireAfterAccess(Duration.ofDays(1)).executor(refresher).build(this::query);
        this.unknown = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.linkCacheTtl()).build();
    }

    /** The link if it is remembered; never blocks. */
    public ShortLink remembered(String code) {
        return known.getIfPresent(code);
    }

    /** Whether the code is remembered as unknown; never blocks. */
    public boolean knownUnknown(String code) {
        return code.length() > LONGEST_CODE || unknown.getIfPresent(code) != null;
    }

    /** Asks the database (blocking) and remembers the answer. */
    public Optional<ShortLink> load(String code) {
        if (code.length() > LONGEST_CODE) {
            return Optional.empty();
        }
        ShortLink link = known.get(code);
        if (link == null) {
            unknown.put(code, Boolean.TRUE);
        }
        return Optional.ofNullable(link);
    }

    private ShortLink query(String code) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select s.id, s.organization_id, s.member_id, s.content_id, s.network, c.url,
                               (select cp.slug from campaign_content cc
                                join campaigns cp on cp.id = cc.campaign_id
                                where cc.organization_id = s.organization_id and cc.content_id = s.content_id
                                  and cp.starts_at <= now() and cp.ends_at > now()
                                order by cp.starts_at desc, cp.id limit 1)
                        from shares s
                        join content c on c.id = s.content_id and c.organization_id = s.organization_id
                        where s.code = ?""")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String location = UtmLinks.tag(row.getString(6), row.getString(5),
                        Optional.ofNullable(row.getString(7)).orElse(UtmLinks.ALWAYS_ON), code);
                return new ShortLink(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), row.getObject(4, UUID.class),
                        HttpHeaders.createOptimized(URI.create(location).toASCIIString()));
            }
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentUrlChanged changed) {
        known.asMap().values().removeIf(link -> link.contentId().equals(changed.contentId()));
    }
}
