package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.cluster.DatabaseSignals;
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

    private final DatabaseSignals signals;

    @Inject
    AnalyticsSignals(DatabaseSignals signals, AnalyticsGenerations generations, MemberActivity activity) {
        this.signals = signals;
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
        List<String> payloads = new ArrayList<>();
        counted.forEach(organization -> payloads.add(COUNTED + organization));
        rebuilt.forEach(organization -> payloads.add(CHANGED + organization));
        DatabaseSignals.send(connection, CHANNEL, payloads);
    }

    void membershipChanged(@Observes MembershipChanged change) {
        signals.send(CHANNEL, CHANGED + change.organizationId());
    }
}
