package io.chorus.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.chorus.identity.Role;
import io.chorus.mail.Mailbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The organization's latest mails: where the demo's mail goes (it never leaves the machine). */
@Path("/admin/mailbox")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class MailboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, List<Mailbox.Letter> letters);
    }

    private final AdminPages pages;
    private final Mailbox mailbox;

    @Inject
    public MailboxPage(AdminPages pages, Mailbox mailbox) {
        this.pages = pages;
        this.mailbox = mailbox;
    }

    @GET
    public Response list() {
        return pages.page(Templates.list(pages.session(), mailbox.latest(50)));
    }
}
