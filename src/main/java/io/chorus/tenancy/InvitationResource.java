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
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/invitations")
@PermitAll
public class InvitationResource {

    private final InvitationService invitations;
    private final InvitationThrottle throttle;

    @Inject
    public InvitationResource(InvitationService invitations, InvitationThrottle throttle) {
        this.invitations = invitations;
        this.throttle = throttle;
    }

    @POST
    @Path("/{token}/accept")
    public AcceptedInvitation accept(@RestPath String token, @Valid @NotNull AcceptInvitation request,
            HttpServerRequest http) {
        return throttle.guard(http.remoteAddress().hostAddress(),
                () -> invitations.accept(token, request.name(), request.password()));
    }
}
