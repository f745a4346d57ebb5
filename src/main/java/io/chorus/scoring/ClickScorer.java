package io.chorus.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.scoring.PointsLedger.Award;
import io.chorus.sharing.clicks.ClickBatchListener;
import io.chorus.sharing.clicks.RecordedClick;

/**
 * What a batch of clicks earns, decided here and written in the batch's transaction: a person's click (neither a robot
 * nor the sharer's own) earns the sharer the organization's click rule once per share and visitor, within its daily
 * cap. The rankings move once the batch committed.
 */
@Singleton
public class ClickScorer implements ClickBatchListener {

    /**
     * The (share, visitor) pairs whose click award is already in the ledger: repeats need not be asked about (the
     * ledger decides anyway). Held as the two ids, not as the award's text key: every human click is looked up here,
     * and building, hashing and comparing that text was a quarter of the writers' time under full load (JFR).
     */
    private final Cache<Pair, Boolean> awarded = Caffeine.newBuilder().maximumSize(200_000).build();
    private final Standings standings;

    /** A share and a visitor: the pair a click award is earned for once. */
    private record Pair(UUID shareId, UUID visitorId) {
    }

    @Inject
    public ClickScorer(Standings standings) {
        this.standings = standings;
    }

    @Override
    public Runnable recorded(Connection connection, List<RecordedClick> clicks) throws SQLException {
        List<Award> awards = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (RecordedClick click : clicks) {
            if (click.human()) {
                Pair pair = new Pair(click.shareId(), click.visitorId());
                if (awarded.getIfPresent(pair) == null) {
                    awards.add(Award.ruled(click.organizationId(), click.sharerId(), ScoringAction.CLICK,
                            "click:" + click.shareId() + ":" + click.visitorId(), click.shareId(), click.contentId(),
                            click.id(), Instant.ofEpochMilli(click.atMillis())));
                    pairs.add(pair);
                }
            }
        }
        if (awards.isEmpty()) {
            return null;
        }
        PointsLedger.award(connection, awards);
        return () -> {
            pairs.forEach(pair -> awarded.put(pair, Boolean.TRUE));
            Standings.byOrganization(awards).forEach(standings::changed);
        };
    }
}
