package io.chorus.sso;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Role;

/** The organization's SSO policy ({@link SsoSettingsService}), managed by its admins. */
@Path("/api/v1/settings/sso")
@RolesAllowed(Role.ADMIN_ID)
public class SsoSettingsResource {

    public record SsoSettings(@NotNull Boolean required,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> redirectUris) {
    }

    private final SsoSettingsService settings;

    @Inject
    public SsoSettingsResource(SsoSettingsService settings) {
        this.settings = settings;
    }

    @GET
    public SsoSettings get() {
        return settings.get();
    }

    @PUT
    public SsoSettings put(@Valid @NotNull SsoSettings request) {
        return settings.replace(request);
    }
}
