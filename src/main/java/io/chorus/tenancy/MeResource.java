package io.chorus.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.tenancy.TenancyViews.MeView;

@Path("/api/v1/me")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class MeResource {

    private final MeService me;
    private final Caller caller;

    @Inject
    public MeResource(MeService me, Caller caller) {
        this.me = me;
        this.caller = caller;
    }

    @GET
    public MeView get() {
        return me.get(caller.id());
    }

    @PATCH
    public MeView update(@Valid @NotNull UpdateMe request) {
        return me.update(caller.id(), request);
    }
}
