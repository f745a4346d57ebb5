package io.chorus.sharing.clicks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.chorus.common.cluster.DatabaseSignals;
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

    private final DatabaseSignals signals;

    @Inject
    LinkSignals(DatabaseSignals signals) {
        this.signals = signals;
    }

    void announce(@Observes ContentUrlChanged changed) {
        signals.send(CHANNEL, CONTENT + changed.contentId());
    }

    void announce(@Observes ClickIdsChanged changed) {
        signals.send(CHANNEL, ORGANIZATION + changed.organizationId());
    }
}
