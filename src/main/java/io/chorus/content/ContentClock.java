package io.chorus.content;

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
 * Stores what time has already decided: scheduled content whose time has come is published (and
 * {@link ContentPublished} fired for it, in that transaction), and published content past its end is expired — every
 * second, for every organization, with no request needed. Reads never wait for it: {@link Content#statusAt} and the
 * feed apply the same rules to the second.
 */
@ApplicationScoped
public class ContentClock {

    private final EntityManager em;
    private final Event<ContentPublished> published;

    @Inject
    public ContentClock(EntityManager em, Event<ContentPublished> published) {
        this.em = em;
        this.published = published;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @SuppressWarnings("unchecked")
    public void tick() {
        Instant now = Time.now();
        // Updated when the change took effect (its publication or its end), not whenever this job came by.
        List<Object[]> live = em
                .createNativeQuery(
                        "update content set status = 'published', updated_at = greatest(updated_at, published_at)"
                                + " where status = 'scheduled' and published_at <= ?1"
                                + " returning organization_id, id, title, url, published_at")
                .setParameter(1, now).getResultList();
        for (Object[] item : live) {
            published.fire(new ContentPublished((UUID) item[0], (UUID) item[1], (String) item[2], (String) item[3],
                    Columns.instant(item[4])));
        }
        em.createNativeQuery("update content set status = 'expired', updated_at = greatest(updated_at, expires_at)"
                + " where status = 'published' and expires_at <= ?1").setParameter(1, now).executeUpdate();
    }
}
