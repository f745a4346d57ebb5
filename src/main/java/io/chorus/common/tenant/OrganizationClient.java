package io.chorus.common.tenant;

import java.security.Principal;
import java.util.UUID;

/**
 * A machine that acts for one organization, not a person: an identity provider provisioning members through SCIM,
 * authenticated by one of the organization's tokens. Its organization is the tenant of its requests, exactly as a
 * member's token's {@code org} claim is; the audit trail names it by its kind and id.
 *
 * @param kind
 *            what authenticated it, e.g. {@code scim-token}
 * @param id
 *            that credential's id
 */
public record OrganizationClient(String kind, UUID id, UUID organizationId) implements Principal {

    @Override
    public String getName() {
        return kind + ":" + id;
    }
}
