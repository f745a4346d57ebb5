package io.chorus.conversions;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.SecretTokens;
import io.chorus.common.persistence.Jdbc;
import io.chorus.conversions.ConversionKeyService.KeyRevoked;
import io.chorus.conversions.ConversionSettingsService.SettingsChanged;

/**
 * The conversion key a report (or /c.js) presents, looked up by its hash and remembered for {@code key-cache-ttl}
 * (unknown ones too, so that a flood of made-up keys does not reach the database), so that reporting costs no key
 * query. A key is remembered with its organization's cookie setting, which /c.js serves by.
 */
@Singleton
public class ConversionKeys {

    /**
     * A working key: whose it is, for a publishable one the origins it works from, and how many days /c.js keeps the
     * click id in a cookie for its organization (0: none, the default).
     */
    public record Key(UUID id, UUID organizationId, ConversionKeyKind kind, Set<String> origins, int cookieDays) {

        public boolean allows(String origin) {
            return kind == ConversionKeyKind.SECRET || origin != null && origins.contains(origin);
        }
    }

    private static final String KEY = """
            select k.id, k.organization_id, k.kind, k.allowed_origins,
                   case when s.click_cookie then s.attribution_window_days else 0 end
            from conversion_keys k left join organization_settings s on s.organization_id = k.organization_id
            where k.key_hash = ? and k.revoked_at is null""";
    private final DataSource database;
    private final Cache<String, Optional<Key>> keys;

    @Inject
    public ConversionKeys(DataSource database, ConversionConfig config) {
        this.database = database;
        this.keys = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.keyCacheTtl()).build();
    }

    /** The working key {@code presented} is, if any; may ask the database (blocking). */
    public Optional<Key> of(String presented) {
        if (!plausible(presented)) {
            return Optional.empty();
        }
        return keys.get(SecretTokens.hash(presented), this::read);
    }

    /**
     * What {@link #of} answers, if it can without the database: the key (or that there is none, an empty inner value)
     * when it is remembered; empty when it is not. Never blocks, so that a report with a remembered key is taken on the
     * event loop.
     */
    public Optional<Optional<Key>> remembered(String presented) {
        return plausible(presented) ? Optional.ofNullable(keys.getIfPresent(SecretTokens.hash(presented)))
                : Optional.of(Optional.empty());
    }

    private static boolean plausible(String presented) {
        return presented != null && !presented.isEmpty() && presented.length() <= 100;
    }

    private Optional<Key> read(String hash) {
        return Jdbc.rows(database, KEY, hash).stream().findFirst().map(row -> new Key((UUID) row[0], (UUID) row[1],
                ConversionKeyKind.of((String) row[2]), Set.of((String[]) row[3]), (Integer) row[4]));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        keys.invalidate(revoked.keyHash());
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged changed) {
        keys.asMap().values()
                .removeIf(key -> key.filter(k -> k.organizationId().equals(changed.organizationId())).isPresent());
    }
}
