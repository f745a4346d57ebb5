package io.chorus.webhooks;

import static io.chorus.webhooks.WebhookOutbox.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.webhooks.WebhookOutbox.Message;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code chorus.webhooks.clicks-summary-interval} (5 minutes), one {@code clicks.summary} per organization that
 * had human clicks in the window and takes the event: the window {@code [from, to)} on boundaries of the interval, its
 * clicks and the items they went to (the 100 most clicked). The counts ({@link ClickTallies}) are deleted in the
 * transaction that queues the summaries, so every click is summarized once, whichever instance runs first; a window
 * missed (the service was down) is folded into the next summary, which then starts earlier.
 */
@Singleton
public class ClickSummaries {

    /** The most items a summary lists one by one. */
    static final int MAX_ITEMS = 100;
    private static final String TAKE = """
            with taken as (delete from webhook_click_tallies where recorded_at < ?
                           returning organization_id, content_id, recorded_at, clicks)
            select organization_id, content_id, sum(clicks), min(recorded_at) from taken
            group by organization_id, content_id""";

    private final DataSource database;
    private final WebhookOutbox outbox;
    private final WebhookConfig config;

    @Inject
    public ClickSummaries(DataSource database, WebhookOutbox outbox, WebhookConfig config) {
        this.database = database;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${chorus.webhooks.clicks-summary-interval:PT5M}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            summarize(Time.now());
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Click summaries not queued this time (%s); their clicks go into the next ones", e.getMessage());
        }
    }

    private record Organization(List<Object[]> items, long clicks, Instant since) {
    }

    /** Queues the summaries of the windows that ended by {@code now}; answers how many organizations got one. */
    public int summarize(Instant now) throws SQLException {
        long interval = config.clicksSummaryInterval().toMillis();
        Instant to = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), interval) * interval);
        try (Connection connection = database.getConnection()) {
            return Jdbc.inTransaction(connection, () -> {
                Map<UUID, Organization> organizations = new LinkedHashMap<>();
                for (Object[] row : Jdbc.rows(connection, TAKE, to)) {
                    Organization o = organizations.getOrDefault((UUID) row[0],
                            new Organization(new ArrayList<>(), 0, (Instant) row[3]));
                    o.items().add(row);
                    Instant since = ((Instant) row[3]).isBefore(o.since()) ? (Instant) row[3] : o.since();
                    organizations.put((UUID) row[0],
                            new Organization(o.items(), o.clicks() + ((Number) row[2]).longValue(), since));
                }
                List<Message> summaries = new ArrayList<>();
                organizations.forEach((id, o) -> {
                    Instant from = Instant.ofEpochMilli(Math.floorDiv(o.since().toEpochMilli(), interval) * interval);
                    List<Map<String, Object>> items = o.items().stream()
                            .sorted(Comparator.comparing((Object[] r) -> ((Number) r[2]).longValue()).reversed()
                                    .thenComparing(r -> r[1].toString()))
                            .limit(MAX_ITEMS).map(r -> data("contentId", r[1], "clicks", ((Number) r[2]).longValue()))
                            .toList();
                    summaries.add(new Message(id, WebhookEvent.CLICKS_SUMMARY, to,
                            () -> data("from", from, "to", to, "clicks", o.clicks(), "content", items)));
                });
                outbox.queue(connection, summaries);
                return summaries.size();
            });
        }
    }
}
