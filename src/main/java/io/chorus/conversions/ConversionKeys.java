package io.chorus.conversions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import io.chorus.conversions.ConversionKeyService.KeyRevoked;

/**
 * The conversion key a report presents, looked up by its hash and remembered for {@code key-cache-ttl} (unknown ones
 * too, so that a flood of made-up keys does not reach the database), so that reporting costs no key query.
 */
@Singleton
public class ConversionKeys {

    /** A working key: whose it is, and for a publishable one the origins it works from. */
    public record Key(UUID id, UUID organizationId, ConversionKeyKind kind, Set<String> origins) {

        public boolean allows(String origin) {
            return kind == ConversionKeyKind.SECRET || origin != null && origins.contains(origin);
        }
    }

    private static final String KEY = """
            select id, organization_id, kind, allowed_origins from conversion_keys
            where key_hash = ? and revoked_at is null""";
    private final DataSource database;
    private final Cache<String, Optional<Key>> keys;

    @Inject
    public ConversionKeys(DataSource database, ConversionConfig config) {
        this.database = database;
        this.keys = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.keyCacheTtl()).build();
    }

    /** The working key {@code presented} is, if any; may ask the database (blocking). */
    public Optional<Key> of(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 100) {
            return Optional.empty();
        }
        return keys.get(SecretTokens.hash(presented), this::read);
    }

    private Optional<Key> read(String hash) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(KEY)) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Key(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        ConversionKeyKind.of(row.getString(3)), Set.of((String[]) row.getArray(4).getArray())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The conversion key could not be read: " + e.getMessage(), e);
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        keys.invalidate(revoked.keyHash());
    }
}
