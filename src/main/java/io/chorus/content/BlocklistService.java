package io.chorus.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.BlocklistResource.BlocklistView;

/** Reads and replaces the organization's blocklist; every change is audited. */
@ApplicationScoped
public class BlocklistService {

    private final Tenants tenants;
    private final Audit audit;

    @Inject
    public BlocklistService(Tenants tenants, Audit audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public BlocklistView get() {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        return new BlocklistView(List.of(settings.blocklistPhrases), List.of(settings.blocklistPatterns));
    }

    @Transactional
    public BlocklistView replace(BlocklistView request, UUID actor) {
        Blocklist.validate(request.phrases(), request.patterns());
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        settings.blocklistPhrases = request.phrases().stream().map(String::strip).distinct().toArray(String[]::new);
        settings.blocklistPatterns = request.patterns().stream().distinct().toArray(String[]::new);
        settings.updatedAt = Time.now();
        settings.persist();
        audit.record(actor, "settings.blocklist.changed", "organization", settings.organizationId,
                Map.of("phrases", settings.blocklistPhrases.length, "patterns", settings.blocklistPatterns.length));
        return new BlocklistView(List.of(settings.blocklistPhrases), List.of(settings.blocklistPatterns));
    }
}
