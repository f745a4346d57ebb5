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
 * Whether redirects carry click ids, and how long after a click a conversion is credited to it; every change audited. A
 * change of click ids applies to this instance's redirects at once, to the others' within the link cache's TTL.
 */
@ApplicationScoped
public class ConversionSettingsService {

    private final Tenants tenants;
    private final Audit audit;
    private final Event<ClickIdsChanged> linksChanged;

    @Inject
    public ConversionSettingsService(Tenants tenants, Audit audit, Event<ClickIdsChanged> linksChanged) {
        this.tenants = tenants;
        this.audit = audit;
        this.linksChanged = linksChanged;
    }

    @Transactional
    public ConversionSettings get() {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        return new ConversionSettings(settings.clickIds, settings.attributionWindowDays);
    }

    @Transactional
    public ConversionSettings replace(ConversionSettings request, UUID actor) {
        UUID organization = tenants.current();
        OrganizationSettings settings = OrganizationSettings.of(organization);
        settings.clickIds = request.clickIds();
        settings.attributionWindowDays = request.attributionWindowDays();
        settings.updatedAt = Time.now();
        settings.persist();
        audit.record(actor, "settings.conversions.changed", "organization", organization,
                Map.of("clickIds", request.clickIds(), "attributionWindowDays", request.attributionWindowDays()));
        linksChanged.fire(new ClickIdsChanged(organization));
        return request;
    }
}
