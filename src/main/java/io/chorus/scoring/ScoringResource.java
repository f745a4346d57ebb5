package io.chorus.scoring;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.ScoringViews.OrganizationSettingsView;
import io.chorus.scoring.ScoringViews.RuleView;

/** Scoring rules, and the organization's time zone and levels. */
@Path("/api/v1")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class ScoringResource {

    private final ScoringService scoring;
    private final Caller caller;

    @Inject
    public ScoringResource(ScoringService scoring, Caller caller) {
        this.scoring = scoring;
        this.caller = caller;
    }

    @GET
    @Path("/scoring-rules")
    public List<RuleView> rules() {
        return scoring.rules();
    }

    @PUT
    @Path("/scoring-rules")
    @RolesAllowed(Role.ADMIN_ID)
    public List<RuleView> replaceRules(@NotNull @Size(min = 1, max = 4) List<@Valid @NotNull RuleView> rules) {
        return scoring.replaceRules(rules, caller.id());
    }

    @GET
    @Path("/settings/organization")
    public OrganizationSettingsView settings() {
        return scoring.settings();
    }

    @PUT
    @Path("/settings/organization")
    @RolesAllowed(Role.ADMIN_ID)
    public OrganizationSettingsView replaceSettings(@Valid @NotNull OrganizationSettingsView request) {
        return scoring.replaceSettings(request, caller.id());
    }
}
