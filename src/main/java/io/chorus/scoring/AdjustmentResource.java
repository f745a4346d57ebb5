package io.chorus.scoring;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.ScoringViews.AdjustmentRequest;

/** Manual corrections of a member's points: appended to the ledger, never edits. */
@Path("/api/v1/members/{id}/adjustments")
@RolesAllowed(Role.ADMIN_ID)
public class AdjustmentResource {

    private final ScoringService scoring;
    private final Caller caller;

    @Inject
    public AdjustmentResource(ScoringService scoring, Caller caller) {
        this.scoring = scoring;
        this.caller = caller;
    }

    @POST
    public Response adjust(@RestPath("id") UUID memberId, @Valid @NotNull AdjustmentRequest request) {
        return Response.status(Response.Status.CREATED).entity(scoring.adjust(memberId, request, caller.id())).build();
    }
}
