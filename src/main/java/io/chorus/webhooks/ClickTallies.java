package io.chorus.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.sharing.clicks.ClickBatchListener;
import io.chorus.sharing.clicks.RecordedClick;

/**
 * Counts each batch's human clicks per content item, for the organizations that take {@code clicks.summary}, in the
 * transaction that records the batch; {@link ClickSummaries} adds the counts up. An organization without such an
 * endpoint costs a look-up in memory per batch.
 */
@Singleton
public class ClickTallies implements ClickBatchListener {

    private static final String INSERT = """
            insert into webhook_click_tallies (organization_id, content_id, recorded_at, clicks)
            values (?, ?, ?, ?)
            on conflict (organization_id, content_id, recorded_at)
            do update set clicks = webhook_click_tallies.clicks + excluded.clicks""";

    private final Subscriptions subscriptions;

    @Inject
    public ClickTallies(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    private record Key(UUID organizationId, UUID contentId) {
    }

    @Override
    public Runnable recorded(Connection connection, List<RecordedClick> clicks) throws SQLException {
        Map<UUID, Boolean> summarized = new HashMap<>();
        Map<Key, Integer> counts = new HashMap<>();
        for (RecordedClick click : clicks) {
            if (click.human() && summarized.computeIfAbsent(click.organizationId(),
                    org -> subscriptions.any(org, WebhookEvent.CLICKS_SUMMARY))) {
                counts.merge(new Key(click.organizationId(), click.contentId()), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        Instant now = Time.now();
        Jdbc.batch(connection, INSERT, counts.entrySet().stream().map(count -> new Object[] {
                count.getKey().organizationId(), count.getKey().contentId(), now, count.getValue() }).toList());
        return null;
    }
}
