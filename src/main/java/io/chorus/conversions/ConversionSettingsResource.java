package io.chorus.conversions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.conversions.ConversionViews.ConversionSettings;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The organization's conversion settings: click ids on redirects, and the attribution window. */
@Path("/api/v1/settings/conversions")
@RolesAllowed({ Role.ANALYST_ID, Role.ADMIN_ID })
public class ConversionSettingsResource {

    private final ConversionSettingsService settings;
    private final Caller caller;

    @Inject
    public ConversionSettingsResource(ConversionSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    public ConversionSettings get() {
        return settings.get();
    }

    @PUT
    @RolesAllowed(Role.ADMIN_ID)
    public ConversionSettings replace(@Valid @NotNull ConversionSettings request) {
        return settings.replace(request, caller.id());
    }
}
