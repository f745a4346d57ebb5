package io.chorus.tenancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.persistence.Jdbc;
import io.chorus.identity.ActiveMembers;

/**
 * Members' names as the leaderboards show them, remembered: a page of 50 read 50 rows by primary key on every request.
 * A name is remembered only while this instance hears the {@value ActiveMembers#CHANNEL} signal, which a trigger on
 * {@code members} sends when a member's name, status or organization changes (migration V21), whoever changes it: a
 * signal forgets that member at once, losing the signals' connection forgets everything (and until it is back every
 * name is read), and the memory also expires after ten minutes, as a safety net only. A name is remembered with its
 * organization and given only for it.
 */
@ApplicationScoped
public class MemberNames implements DatabaseSignals.Listener {

    private record Named(UUID organization, String name) {
    }

    private final DataSource database;
    private final DatabaseSignals signals;
    private final Cache<UUID, Named> remembered = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Counts what was forgotten: names read before a forgetting are not remembered after it. */
    private final AtomicLong forgettings = new AtomicLong();

    @Inject
    public MemberNames(DataSource database, DatabaseSignals signals) {
        this.database = database;
        this.signals = signals;
        signals.listen(ActiveMembers.CHANNEL, this);
    }

    /** The names of those of {@code members} who are members of {@code organization}, by id (a name may be null). */
    public Map<UUID, String> of(UUID organization, List<UUID> members) {
        boolean live = signals.live(ActiveMembers.CHANNEL);
        Map<UUID, String> names = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID member : members) {
            Named known = live ? remembered.getIfPresent(member) : null;
            if (known != null && known.organization().equals(organization)) {
                names.put(member, known.name());
            } else {
                missing.add(member);
            }
        }
        if (missing.isEmpty()) {
            return names;
        }
        long before = forgettings.get();
        List<Object[]> rows = Jdbc.rows(database,
                "select m.id, m.name from members m where m.organization_id = ? and m.id = any(?)", organization,
                missing.toArray(UUID[]::new));
        boolean keep = live && forgettings.get() == before && signals.live(ActiveMembers.CHANNEL);
        for (Object[] row : rows) {
            names.put((UUID) row[0], (String) row[1]);
            if (keep) {
                remembered.put((UUID) row[0], new Named(organization, (String) row[1]));
            }
        }
        return names;
    }

    @Override
    public void signal(String payload) {
        forgettings.incrementAndGet();
        try {
            remembered.invalidate(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            remembered.invalidateAll();
        }
    }

    @Override
    public void missed() {
        forgettings.incrementAndGet();
        remembered.invalidateAll();
    }
}
