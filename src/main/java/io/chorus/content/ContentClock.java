package io.chorus.content;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.quarkus.scheduler.Scheduled;

/**
 * Stores what time has already decided: scheduled content whose time has come is published, and published content past
 * its end is expired — every second, for every organization, with no request needed. Reads never wait for it:
 * {@link Content#statusAt} and the feed apply the same rules to the second.
 */
@ApplicationScoped
public class ContentClock {

    private final EntityManager em;

    @Inject
    public ContentClock(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void tick() {
        Instant now = Time.now();
        // Updated when the change took effect (its publication or its end), not whenever this job came by.
        em.createNativeQuery("update content set status = 'published', updated_at = greatest(updated_at, published_at)"
                + " where status = 'scheduled' and published_at <= ?1").setParameter(1, now).executeUpdate();
        em.createNativeQuery("update content set status = 'expired', updated_at = greatest(updated_at, expires_at)"
                + " where status = 'published' and expires_at <= ?1").setParameter(1, now).executeUpdate();
    }
}
