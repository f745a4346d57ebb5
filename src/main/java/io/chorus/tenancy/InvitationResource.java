package io.chorus.tenancy;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.tenancy.TenancyRequests.AcceptInvitation;
import io.chorus.tenancy.TenancyViews.AcceptedInvitation;

@Path("/api/v1/invitations")
@PermitAll
public class InvitationResource {

    private final InvitationService invitations;

    @Inject
    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Path("/{token}/accept")
    public AcceptedInvitation accept(@RestPath String token, @Valid @NotNull AcceptInvitation request) {
        return invitations.accept(token, request.name(), request.password());
    }
}
