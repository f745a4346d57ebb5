package io.chorus.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.trust.CharterService;
import io.chorus.trust.CharterViews.CharterView;
import io.chorus.web.Surface;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The organization's charter: shown before anything else to a member who has not accepted its current version, with
 * accept and decline; readable at any time from the privacy page.
 */
@Path(AppPaths.ROOT + "/charter")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class CharterGate {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance charter(AppSession session, CharterView charter, String next);

        static native TemplateInstance declined(AppSession session, String next);
    }

    private final AppPages pages;
    private final CharterService charters;

    @Inject
    public CharterGate(AppPages pages, CharterService charters) {
        this.pages = pages;
        this.charters = charters;
    }

    @GET
    public Response show(@RestQuery String next) {
        AppSession session = pages.session();
        CharterView charter;
        try {
            charter = charters.current(session.memberId());
        } catch (ProblemException e) {
            return WebPages.seeOther(Surface.APP.safeNext(next)); // no charter: nothing to accept
        }
        return pages.page(Templates.charter(session, charter, Surface.APP.safeNext(next)));
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestForm String version, @RestForm String next) {
        AppSession session = pages.session();
        int asked;
        try {
            asked = Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return WebPages.seeOther("/app/charter");
        }
        try {
            charters.accept(asked, session.memberId());
        } catch (ProblemException e) {
            // A newer version was published meanwhile: show it.
            return WebPages.seeOther("/app/charter");
        }
        return WebPages.seeOther(Surface.APP.safeNext(next));
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@RestForm String next) {
        AppSession session = pages.session();
        return pages.page(Templates.declined(session, Surface.APP.safeNext(next)));
    }
}
