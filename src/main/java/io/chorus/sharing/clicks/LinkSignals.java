package io.chorus.sharing.clicks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.content.ContentUrlChanged;
import io.chorus.conversions.ClickIdsChanged;

/**
 * Tells every instance, through a PostgreSQL notification sent in the transaction of the change (so it arrives when,
 * and only if, the change commits), that short links changed: a content item's destination or campaign, or an
 * organization's click ids. Each instance's {@link ShortLinks} forgets those links when it hears it.
 */
@ApplicationScoped
class LinkSignals {

    static final String CHANNEL = "chorus_links";
    static final String CONTENT = "content:";
    static final String ORGANIZATION = "organization:";

    private final EntityManager em;

    @Inject
    LinkSignals(EntityManager em) {
        this.em = em;
    }

    void announce(@Observes ContentUrlChanged changed) {
        notify(CONTENT + changed.contentId());
    }

    void announce(@Observes ClickIdsChanged changed) {
        notify(ORGANIZATION + changed.organizationId());
    }

    private void notify(String payload) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, payload)
                .getSingleResult();
    }
}
