package io.chorus.sharing;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Network;
import io.chorus.content.OrganizationSettings;
import io.chorus.sharing.SharingViews.SharingHours;
import io.chorus.sharing.SharingViews.SharingSettings;

/**
 * Reads and changes the disclosure line, the networks, the daily share limit and the sharing hours; every change is
 * audited.
 */
@ApplicationScoped
public class SharingSettingsService {

    private final Tenants tenants;
    private final Audit audit;

    @Inject
    public SharingSettingsService(Tenants tenants, Audit audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public SharingSettings get() {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        return view(settings);
    }

    @Transactional
    public SharingSettings replace(SharingSettings request, UUID actor) {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        settings.disclosure = request.disclosure() == null || request.disclosure().isBlank() ? null
                : request.disclosure().strip();
        settings.disclosureMandatory = Boolean.TRUE.equals(request.disclosureMandatory());
        if (settings.disclosureMandatory && settings.disclosure == null) {
            throw ProblemException.invalid("disclosureMandatory", "needs a disclosure");
        }
        settings.dailyShareLimit = request.dailyShareLimit() == null ? OrganizationSettings.DEFAULT_DAILY_SHARE_LIMIT
                : request.dailyShareLimit();
        SharingHours hours = request.sharingHours();
        if (hours != null && hours.from().equals(hours.to())) {
            throw ProblemException.invalid("sharingHours.to", "must differ from sharingHours.from");
        }
        settings.sharingHoursFrom = hours == null ? null : LocalTime.parse(hours.from());
        settings.sharingHoursTo = hours == null ? null : LocalTime.parse(hours.to());
        settings.networks = request.networks() == null ? null
                : Arrays.stream(Network.values()).filter(request.networks()::contains).map(Network::id)
                        .toArray(String[]::new);
        settings.updatedAt = Time.now();
        settings.persist();
        HashMap<String, Object> detail = new HashMap<>();
        detail.put("disclosure", settings.disclosure);
        detail.put("disclosureMandatory", settings.disclosureMandatory);
        detail.put("networks", settings.allowedNetworks().stream().map(Network::id).toList());
        detail.put("dailyShareLimit", settings.dailyShareLimit);
        detail.put("sharingHours", hours == null ? null : Map.of("from", hours.from(), "to", hours.to()));
        audit.record(actor, "settings.sharing.changed", "organization", settings.organizationId, detail);
        return view(settings);
    }

    private static SharingSettings view(OrganizationSettings settings) {
        SharingHours hours = settings.sharingHoursFrom == null ? null
                : new SharingHours(settings.sharingHoursFrom.toString(), settings.sharingHoursTo.toString());
        return new SharingSettings(settings.disclosure, settings.disclosureMandatory, settings.allowedNetworks(),
                settings.dailyShareLimit, hours);
    }
}
