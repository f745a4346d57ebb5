package io.chorus.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.chorus.analytics.AnalyticsConfig;
import io.chorus.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** What every analytics figure counts, in words: linked from the dashboard and from content analytics. */
@Path(AdminPaths.ROOT + "/analytics/definitions")
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class DefinitionsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, int minGroupSize);
    }

    private final AdminPages pages;
    private final AnalyticsConfig config;

    @Inject
    public DefinitionsPage(AdminPages pages, AnalyticsConfig config) {
        this.pages = pages;
        this.config = config;
    }

    @GET
    public Response show() {
        AdminSession session = pages.session();
        return pages.page(Templates.show(session, config.minGroupSize()));
    }
}
