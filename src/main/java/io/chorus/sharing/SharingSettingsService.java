package io.chorus.sharing;

import java.util.Arrays;
import java.util.HashMap;
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
import io.chorus.sharing.SharingViews.SharingSettings;

/** Reads and changes the disclosure line; every change is audited. */
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
        settings.networks = request.networks() == null ? null
                : Arrays.stream(Network.values()).filter(request.networks()::contains).map(Network::id)
                        .toArray(String[]::new);
        settings.updatedAt = Time.now();
        settings.persist();
        HashMap<String, Object> detail = new HashMap<>();
        detail.put("disclosure", settings.disclosure);
        detail.put("disclosureMandatory", settings.disclosureMandatory);
        detail.put("networks", settings.allowedNetworks().stream().map(Network::id).toList());
        audit.record(actor, "settings.sharing.changed", "organization", settings.organizationId, detail);
        return view(settings);
    }

    private static SharingSettings view(OrganizationSettings settings) {
        return new SharingSettings(settings.disclosure, settings.disclosureMandatory, settings.allowedNetworks());
    }
}
