package io.chorus.tenancy;

import java.util.UUID;

/**
 * A member became active: accepted their invitation ({@code via} invitation), was provisioned by the organization's
 * identity provider (provisioning: SCIM, or a first single sign-on), or was reactivated (reactivation). Fired inside
 * the changing transaction.
 */
public record MemberJoined(UUID organizationId, UUID memberId, String via) {

    public static final String INVITATION = "invitation";
    public static final String PROVISIONING = "provisioning";
    public static final String REACTIVATION = "reactivation";
}
