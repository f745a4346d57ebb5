package io.chorus.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.mail.MailViews.EmailSettings;

@Path("/api/v1/settings/email")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class EmailSettingsResource {

    private final EmailPreferencesService service;
    private final Caller caller;

    @Inject
    public EmailSettingsResource(EmailPreferencesService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public EmailSettings get() {
        return service.settings();
    }

    @PUT
    @RolesAllowed(Role.ADMIN_ID)
    public EmailSettings replace(@Valid @NotNull EmailSettings request) {
        return service.replaceSettings(request, caller.id());
    }
}
