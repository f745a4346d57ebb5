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
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.mail.BroadcastService;
import io.chorus.mail.MailViews.BroadcastView;
import io.chorus.mail.MailViews.CreateBroadcast;
import io.chorus.mail.Mailbox;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Broadcasts: the list with where their mails are, and a form that sends one. */
@Path("/admin/broadcasts")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class BroadcastsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<BroadcastView> page,
                List<Mailbox.Choice> choices, String note, String problem, String sent);
    }

    private final AdminPages pages;
    private final BroadcastService broadcasts;
    private final Mailbox mailbox;
    private final Caller caller;

    @Inject
    public BroadcastsPage(AdminPages pages, BroadcastService broadcasts, Mailbox mailbox, Caller caller) {
        this.pages = pages;
        this.broadcasts = broadcasts;
        this.mailbox = mailbox;
        this.caller = caller;
    }

    @GET
    public Response list(@RestQuery String cursor, @RestQuery String sent) {
        return render(200, cursor, "", null, sent);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@RestForm String contentId, @RestForm String note) {
        String typed = note == null ? "" : note;
        if (typed.length() > 1000) {
            return render(400, null, typed, "note", null);
        }
        UUID content;
        try {
            content = UUID.fromString(contentId == null ? "" : contentId);
        } catch (IllegalArgumentException e) {
            return render(400, null, typed, "content", null);
        }
        try {
            int recipients = broadcasts.create(new CreateBroadcast(content, typed), caller.id()).recipients();
            return WebPages.seeOther("/admin/broadcasts?sent=" + recipients);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return AdminErrors.notFound(pages.session().locale()); // another organization's item, or none
            }
            return render(e.status() == 409 ? 409 : 400, null, typed, e.slug(), null);
        }
    }

    private Response render(int status, String cursor, String note, String problem, String sent) {
        Page<BroadcastView> page;
        try {
            page = broadcasts.list(PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            page = broadcasts.list(PageRequest.of(null, null, 2));
        }
        return pages.page(status,
                Templates.list(pages.session(), page, mailbox.broadcastable(50), note, problem, sent));
    }
}
