package io.chorus.tenancy;

import java.util.UUID;

/**
 * An active member was deactivated: by an admin, by the identity provider (SCIM), or by their erasure. Fired inside the
 * changing transaction.
 */
public record MemberDeactivated(UUID organizationId, UUID memberId) {
}
