package io.chorus.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
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
            values (?, ?, ?, ?)""";

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
        Timestamp now = Timestamp.from(Time.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (var count : counts.entrySet()) {
                insert.setObject(1, count.getKey().organizationId());
                insert.setObject(2, count.getKey().contentId());
                insert.setTimestamp(3, now);
                insert.setInt(4, count.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }
}
