package io.chorus.conversions;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.conversions.ConversionViews.ConversionSettings;

/**
 * Whether redirects carry click ids, how long after a click a conversion is credited to it, and whether /c.js keeps the
 * click id in a cookie; every change audited. A change of click ids applies to this instance's redirects at once, to
 * the others' within the link cache's TTL; a change of the cookie to the script this instance serves at once, to the
 * others' within the key cache's TTL (and to browsers once the script they hold is stale).
 */
@ApplicationScoped
public class ConversionSettingsService {

    /** The organization's conversion settings changed (the keys remembered with them are forgotten). */
    record SettingsChanged(UUID organizationId) {
    }

    private final Tenants tenants;
    private final Audit audit;
    private final Event<ClickIdsChanged> linksChanged;
    private final Event<SettingsChanged> changed;

    @Inject
    public ConversionSettingsService(Tenants tenants, Audit audit, Event<ClickIdsChanged> linksChanged,
            Event<SettingsChanged> changed) {
        this.tenants = tenants;
        this.audit = audit;
        this.linksChanged = linksChanged;
        this.changed = changed;
    }

    @Transactional
    public ConversionSettings get() {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        return new ConversionSettings(settings.clickIds, settings.attributionWindowDays, settings.clickCookie);
    }

    @Transactional
    public ConversionSettings replace(ConversionSettings request, UUID actor) {
        UUID organization = tenants.current();
        OrganizationSettings settings = OrganizationSettings.of(organization);
        settings.clickIds = request.clickIds();
        settings.attributionWindowDays = request.attributionWindowDays();
        settings.clickCookie = request.clickCookie();
        settings.updatedAt = Time.now();
        settings.persist();
        audit.record(actor, "settings.conversions.changed", "organization", organization,
                Map.of("clickIds", request.clickIds(), "attributionWindowDays", request.attributionWindowDays(),
                        "clickCookie", request.clickCookie()));
        linksChanged.fire(new ClickIdsChanged(organization));
        changed.fire(new SettingsChanged(organization));
        return request;
    }
}
