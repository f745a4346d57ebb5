package io.chorus.admin;

import java.util.List;
import java.util.UUID;

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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentListings;
import io.chorus.content.ContentService;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.content.ContentViews.QueueItem;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The moderation queue: ambassadors' submissions, approved or rejected with a reason, and the latest decisions. */
@Path("/admin/moderation")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class ModerationPage {

    private static final int RECENT = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(AdminSession session, Page<QueueItem> pending, List<ContentView> decided,
                String done, UUID rejecting, boolean conflict);
    }

    private final AdminPages pages;
    private final ContentService content;
    private final ContentListings listings;
    private final Caller caller;

    @Inject
    public ModerationPage(AdminPages pages, ContentService content, ContentListings listings, Caller caller) {
        this.pages = pages;
        this.content = content;
        this.listings = listings;
        this.caller = caller;
    }

    @GET
    public Response queue(@RestQuery String cursor, @RestQuery String done) {
        return render(200, cursor, done, null, false);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath UUID id) {
        try {
            content.approve(id, caller.id());
        } catch (ProblemException e) {
            return render(e.status() == 404 ? 404 : 409, null, null, null, true);
        }
        return WebPages.seeOther("/admin/moderation?done=approved");
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath UUID id, @RestForm String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return render(400, null, null, id, false);
        }
        try {
            content.reject(id, caller.id(), reason);
        } catch (ProblemException e) {
            return render(e.status() == 404 ? 404 : 409, null, null, null, true);
        }
        return WebPages.seeOther("/admin/moderation?done=rejected");
    }

    /** {@code rejecting}: the item whose rejection lacked a reason, shown with the error. */
    private Response render(int status, String cursor, String done, UUID rejecting, boolean conflict) {
        Page<QueueItem> pending;
        try {
            pending = listings.queue(PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            pending = listings.queue(PageRequest.of(null, null, 2)); // a cursor that is not ours: the first page
        }
        return pages.page(status,
                Templates.queue(pages.session(), pending, listings.recentDecisions(RECENT), done, rejecting, conflict));
    }
}
