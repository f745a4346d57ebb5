package io.chorus.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sharing.SharingViews.SharingSettings;

/** The organization's sharing settings: the disclosure line appended to every shared message. */
@Path("/api/v1/settings/sharing")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class SharingSettingsResource {

    private final SharingSettingsService settings;
    private final Caller caller;

    @Inject
    public SharingSettingsResource(SharingSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    public SharingSettings get() {
        return settings.get();
    }

    @PUT
    @RolesAllowed(Role.ADMIN_ID)
    public SharingSettings replace(@Valid @NotNull SharingSettings request) {
        return settings.replace(request, caller.id());
    }
}
