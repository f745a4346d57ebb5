package io.chorus.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.mail.MailViews.EmailPreferences;
import io.chorus.mail.MailViews.UpdateEmailPreferences;

@Path("/api/v1/me/email-preferences")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class EmailPreferencesResource {

    private final EmailPreferencesService preferences;
    private final Caller caller;

    @Inject
    public EmailPreferencesResource(EmailPreferencesService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    public EmailPreferences get() {
        return preferences.get(caller.id());
    }

    @PATCH
    public EmailPreferences update(@Valid @NotNull UpdateEmailPreferences request) {
        return preferences.update(caller.id(), request);
    }
}
