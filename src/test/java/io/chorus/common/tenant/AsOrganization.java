package io.chorus.common.tenant;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * For tests that call a service with no endpoint of its own (the admin dashboard's figures): runs the work as one
 * organization, as a request with that organization's token would, and outside any transaction (the service opens its
 * own).
 */
public final class AsOrganization {

    private AsOrganization() {
    }

    public static <T> T call(String organizationId, Supplier<T> work) {
        OrganizationTenantResolver.EXPLICIT.set(UUID.fromString(organizationId));
        try {
            return work.get();
        } finally {
            OrganizationTenantResolver.EXPLICIT.remove();
        }
    }
}
