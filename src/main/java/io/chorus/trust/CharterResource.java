package io.chorus.trust;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.trust.CharterViews.AcceptCharter;
import io.chorus.trust.CharterViews.CharterView;
import io.chorus.trust.CharterViews.PublishCharter;

/** The organization's social-media charter: read and accepted by members, published by admins. */
@Path("/api/v1/charter")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class CharterResource {

    private final CharterService charters;
    private final Caller caller;

    @Inject
    public CharterResource(CharterService charters, Caller caller) {
        this.charters = charters;
        this.caller = caller;
    }

    @GET
    public CharterView get() {
        return charters.current(caller.id());
    }

    @PUT
    @RolesAllowed(Role.ADMIN_ID)
    public CharterView publish(@Valid @NotNull PublishCharter request) {
        return charters.publish(request.text(), caller.id());
    }

    @POST
    @Path("/accept")
    public void accept(@Valid @NotNull AcceptCharter request) {
        charters.accept(request.version(), caller.id());
    }
}
