package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.persistence.Jdbc;
import io.chorus.tenancy.MembershipChanged;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells every instance what changed in an organization's figures, so that none serves an answer computed before: the
 * rollup's counts (sent in its pass's transaction, on whichever instance ran it) and changes of membership (sent in the
 * change's transaction). Each instance moves its {@link AnalyticsGenerations} and {@link MemberActivity} on when it
 * hears them, within milliseconds of the commit; its own changes included.
 */
@Singleton
class AnalyticsSignals {

    static final String CHANNEL = "chorus_analytics";
    private static final String COUNTED = "counted:";
    private static final String CHANGED = "changed:";

    private final EntityManager em;

    @Inject
    AnalyticsSignals(DatabaseSignals signals, AnalyticsGenerations generations, MemberActivity activity,
            EntityManager em) {
        this.em = em;
        signals.listen(CHANNEL, new DatabaseSignals.Listener() {
            @Override
            public void signal(String payload) {
                try {
                    boolean counted = payload.startsWith(COUNTED);
                    UUID organization = UUID.fromString(payload.substring((counted ? COUNTED : CHANGED).length()));
                    if (counted) {
                        generations.counted(Set.of(organization));
                    } else {
                        generations.changed(organization);
                    }
                    activity.changed(Set.of(organization));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    generations.everythingChanged();
                }
            }

            @Override
            public void missed() {
                generations.everythingChanged();
            }
        });
    }

    void start(@Observes StartupEvent started) {
        // Created at start, so that the channel is heard before the first answer is computed.
    }

    /** In the rollup pass's transaction: the organizations whose new shares or clicks it counted, and those rebuilt. */
    static void rolledUp(Connection connection, Collection<UUID> counted, Collection<UUID> rebuilt)
            throws SQLException {
        for (UUID organization : counted) {
            Jdbc.rows(connection, "select pg_notify(?, ?)", CHANNEL, COUNTED + organization);
        }
        for (UUID organization : rebuilt) {
            Jdbc.rows(connection, "select pg_notify(?, ?)", CHANNEL, CHANGED + organization);
        }
    }

    void membershipChanged(@Observes MembershipChanged change) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, CHANGED + change.organizationId()).getSingleResult();
    }
}
