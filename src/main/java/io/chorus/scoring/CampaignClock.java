package io.chorus.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.persistence.Columns;
import io.quarkus.scheduler.Scheduled;

/**
 * Notes every second, for every organization, the campaigns whose start or end has come, and fires
 * {@link CampaignStarted} and {@link CampaignEnded} in the transaction that notes them: once each, whichever instance
 * comes first (the others' updates find them noted). A campaign whose window is moved into the future is noted again
 * when it comes ({@link CampaignService}); one made in the past altogether is never announced.
 */
@ApplicationScoped
public class CampaignClock {

    private static final String RETURNING = " returning organization_id, id, name, starts_at, ends_at";

    private final EntityManager em;
    private final Event<CampaignStarted> started;
    private final Event<CampaignEnded> ended;

    @Inject
    public CampaignClock(EntityManager em, Event<CampaignStarted> started, Event<CampaignEnded> ended) {
        this.em = em;
        this.started = started;
        this.ended = ended;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void tick() {
        Instant now = Time.now();
        for (Object[] c : noted("update campaigns set start_noted_at = ?1"
                + " where start_noted_at is null and starts_at <= ?1" + RETURNING, now)) {
            started.fire(new CampaignStarted((UUID) c[0], (UUID) c[1], (String) c[2], Columns.instant(c[3]),
                    Columns.instant(c[4])));
        }
        for (Object[] c : noted(
                "update campaigns set end_noted_at = ?1"
                        + " where end_noted_at is null and ends_at <= ?1 and start_noted_at is not null" + RETURNING,
                now)) {
            ended.fire(new CampaignEnded((UUID) c[0], (UUID) c[1], (String) c[2], Columns.instant(c[3]),
                    Columns.instant(c[4])));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> noted(String update, Instant now) {
        return em.createNativeQuery(update).setParameter(1, now).getResultList();
    }
}
