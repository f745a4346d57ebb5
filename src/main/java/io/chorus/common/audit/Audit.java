package io.chorus.common.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.tenant.OrganizationClient;
import io.chorus.common.tenant.Tenants;

/** Records who did what to which resource, in the caller's transaction and organization. */
@ApplicationScoped
public class Audit {

    private final Tenants tenants;
    private final byte[] key;

    @Inject
    public Audit(Tenants tenants, ChorusConfig config) {
        this.tenants = tenants;
        this.key = config.secret().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Records an entry. When no member acts but a machine client does (the organization's identity provider, through
     * SCIM), {@code detail.client} names it ({@code scim-token:<id>}).
     */
    public void record(UUID actorId, String action, String targetType, UUID targetId, Map<String, Object> detail) {
        Optional<OrganizationClient> client = actorId == null ? tenants.client() : Optional.empty();
        if (client.isPresent()) {
            detail = new LinkedHashMap<>(detail);
            detail.put("client", client.get().getName());
        }
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.at = Time.now();
        event.actorId = actorId;
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.detail = detail;
        event.persist();
    }

    /** Records in an organization's trail from outside its requests (a failed login), in a transaction of its own. */
    public void recordIn(UUID organizationId, UUID actorId, String action, String targetType, UUID targetId,
            Map<String, Object> detail) {
        tenants.runAs(organizationId, () -> record(actorId, action, targetType, targetId, detail));
    }

    /**
     * A client address as the trail shows it: a keyed hash (the same address always gives the same value, so repeated
     * attempts can be told apart from scattered ones), from which the address cannot be recovered without the secret.
     */
    public String clientHash(String clientAddress) {
        return HexFormat.of().formatHex(SecretTokens.hmac(key, "audit-client:" + clientAddress)).substring(0, 32);
    }
}
