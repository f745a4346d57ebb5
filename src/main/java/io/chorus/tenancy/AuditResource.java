package io.chorus.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.audit.AuditEventView;
import io.chorus.common.audit.AuditService;
import io.chorus.common.http.QueryParams;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Role;

/** The organization's audit trail, for its admins only: an operator holds no organization and cannot read it. */
@Path("/api/v1/audit-events")
@RolesAllowed(Role.ADMIN_ID)
public class AuditResource {

    private final AuditService trail;

    @Inject
    public AuditResource(AuditService trail) {
        this.trail = trail;
    }

    @GET
    public Page<AuditEventView> list(@RestQuery String action, @RestQuery String actorId, @RestQuery String limit,
            @RestQuery String cursor) {
        return trail.list(QueryParams.text(action), QueryParams.uuid("actorId", actorId),
                PageRequest.of(limit, cursor, 2));
    }
}
