package io.chorus.scim;

import io.chorus.common.problem.ScimError;

/**
 * SCIM 2.0 (RFC 7643, 7644) at {@value ScimError#ROOT}: an organization's identity provider creates, updates and
 * deactivates its members (Users) and groups (Groups), authenticated by a token an admin of the organization created.
 * Every request acts as that organization, so another organization's ids do not exist for it.
 */
public final class Scim {

    /** The role of a request authenticated by a SCIM token (never a member's). */
    public static final String ROLE = "scim";

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private Scim() {
    }
}
