package io.chorus.tenancy;

import java.util.UUID;

/**
 * Something an organization's figures are counted over changed: a member was added, changed roles, status or groups, or
 * was erased; a group was renamed or deleted. Fired inside the changing transaction; analytics drops the answers it
 * computed for the organization once the change is committed.
 */
public record MembershipChanged(UUID organizationId) {
}
