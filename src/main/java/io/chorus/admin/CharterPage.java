package io.chorus.admin;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.trust.CharterService;
import io.chorus.trust.CharterViews.CharterView;
import io.chorus.trust.CharterViews.PublishCharter;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The social-media charter editor: the current version and its date, and a Markdown text to publish as the next version
 * (which every member then accepts again before sharing).
 */
@Path("/admin/settings/charter")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class CharterPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(AdminSession session, CharterView current, int next, String text,
                FieldErrors errors, String done);
    }

    private final AdminPages pages;
    private final CharterService charters;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public CharterPage(AdminPages pages, CharterService charters, Validator validator, Caller caller) {
        this.pages = pages;
        this.charters = charters;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response editor(@RestQuery String done) {
        Optional<CharterView> current = current();
        return pages.page(Templates.editor(pages.session(), current.orElse(null), next(current),
                current.map(CharterView::text).orElse(""), FieldErrors.none(), done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@RestForm String text) {
        String typed = text == null ? "" : text.replace("\r\n", "\n"); // browsers send a text area's lines with CRLF
        Optional<CharterView> current = current();
        String problem = null;
        if (!validator.validate(new PublishCharter(typed)).isEmpty()) {
            problem = typed.isBlank() ? "charter_required" : "charter_too_long";
        } else if (current.isPresent() && current.get().text().strip().equals(typed.strip())) {
            problem = "charter_unchanged"; // a new version would make everyone accept the same text again
        }
        if (problem != null) {
            return pages.page(400, Templates.editor(pages.session(), current.orElse(null), next(current), typed,
                    FieldErrors.of("text", problem), null));
        }
        charters.publish(typed, caller.id());
        return WebPages.seeOther("/admin/settings/charter?done=charter_published");
    }

    private static int next(Optional<CharterView> current) {
        return current.map(c -> c.version() + 1).orElse(1);
    }

    private Optional<CharterView> current() {
        try {
            return Optional.of(charters.current(caller.id()));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }
}
