package io.chorus.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.cluster.SignalledMemory;
import io.chorus.common.persistence.Jdbc;

/**
 * Whether a member may still act: active in the organization their token names (not deactivated, not erased, not
 * invited only). Asked on every request that presents a member's token, so the answer is remembered — but only while
 * this instance hears the {@value #CHANNEL} signal, which a trigger on {@code members} sends whenever a member's status
 * or organization changes, whichever instance (or hand) changes it; the instance that commits a change also forgets the
 * member itself as it commits. A signal forgets that member at once; losing the signals' connection forgets everything,
 * and until it is back every check reads the database. The memory also expires after a minute, as a safety net only.
 */
@ApplicationScoped
public class ActiveMembers {

    /** The channel the {@code members_signal} trigger (V14) notifies with the member's id. */
    public static final String CHANNEL = "chorus_members";
    private static final UUID NOT_ACTIVE = new UUID(0, 0);

    private final DataSource database;
    /** Member id to the organization they are active in, or {@link #NOT_ACTIVE}. */
    private final SignalledMemory<UUID> remembered;

    @Inject
    public ActiveMembers(DataSource database, DatabaseSignals signals) {
        this.database = database;
        this.remembered = new SignalledMemory<>(signals, CHANNEL, 200_000, Duration.ofMinutes(1));
    }

    /** Whether {@code member} is an active member of {@code organization} (a blocking read when not remembered). */
    public boolean mayAct(UUID member, UUID organization) {
        return organization.equals(remembered.get(member, this::read));
    }

    /** What {@link #mayAct} answers when it can without reading the database; else empty. */
    public Optional<Boolean> remembered(UUID member, UUID organization) {
        UUID known = remembered.remembered(member);
        return known == null ? Optional.empty() : Optional.of(organization.equals(known));
    }

    /**
     * Forgets a member whose status this instance just committed, so that its next request is answered anew at once
     * rather than when the signal comes back (a few milliseconds later).
     */
    public void forget(UUID member) {
        remembered.forget(member);
    }

    private UUID read(UUID member) {
        return Jdbc.rows(database, "select organization_id from members where id = ? and status = 'active'", member)
                .stream().findFirst().map(row -> (UUID) row[0]).orElse(NOT_ACTIVE);
    }
}
