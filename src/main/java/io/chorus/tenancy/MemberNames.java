package io.chorus.tenancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.cluster.SignalledMemory;
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
public class MemberNames {

    private record Named(UUID organization, String name) {
    }

    private final DataSource database;
    private final SignalledMemory<Named> remembered;

    @Inject
    public MemberNames(DataSource database, DatabaseSignals signals) {
        this.database = database;
        this.remembered = new SignalledMemory<>(signals, ActiveMembers.CHANNEL, 200_000, Duration.ofMinutes(10));
    }

    /** The names of those of {@code members} who are members of {@code organization}, by id (a name may be null). */
    public Map<UUID, String> of(UUID organization, List<UUID> members) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID member : members) {
            Named known = remembered.remembered(member);
            if (known != null && known.organization().equals(organization)) {
                names.put(member, known.name());
            } else {
                missing.add(member);
            }
        }
        if (missing.isEmpty()) {
            return names;
        }
        long mark = remembered.mark();
        List<Object[]> rows = Jdbc.rows(database,
                "select m.id, m.name from members m where m.organization_id = ? and m.id = any(?)", organization,
                missing.toArray(UUID[]::new));
        for (Object[] row : rows) {
            names.put((UUID) row[0], (String) row[1]);
            remembered.remember(mark, (UUID) row[0], new Named(organization, (String) row[1]));
        }
        return names;
    }
}
