package io.chorus.analytics;

import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import io.chorus.tenancy.MembershipChanged;

/**
 * What this instance knows changed in each organization's figures since it started, as two counters bumped after the
 * change was committed: {@code changes} when what the figures are counted over changed (members, groups; a rebuild of
 * the aggregates, as after a time-zone change), {@code counts} when the rollup counted new shares or clicks. An answer
 * remembers the generation it was computed at (read before its snapshot was taken), so a later generation means it may
 * be out of date. Changes made on other instances come as {@link AnalyticsSignals}.
 */
@Singleton
public class AnalyticsGenerations {

    record Generation(long changes, long counts) {
        static final Generation FIRST = new Generation(0, 0);
    }

    private final ConcurrentHashMap<UUID, Generation> generations = new ConcurrentHashMap<>();

    /** Bumped when signals may have been missed: every organization's figures may have changed. */
    private volatile long everything;

    Generation of(UUID organization) {
        Generation known = generations.getOrDefault(organization, Generation.FIRST);
        return everything == 0 ? known : new Generation(known.changes() + everything, known.counts());
    }

    void changed(UUID organization) {
        generations.merge(organization, new Generation(1, 0),
                (old, one) -> new Generation(old.changes() + 1, old.counts()));
    }

    void counted(Collection<UUID> organizations) {
        for (UUID organization : organizations) {
            generations.merge(organization, new Generation(0, 1),
                    (old, one) -> new Generation(old.changes(), old.counts() + 1));
        }
    }

    /** Signals may have been missed: every organization's answers are out of date. */
    synchronized void everythingChanged() {
        everything++;
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        changed(change.organizationId());
    }
}
