package io.chorus.app;

import java.net.URI;
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

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentListings;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.content.LinkPreviewService.LinkPreview;
import io.chorus.identity.Role;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * Suggesting content from the app: what {@code POST /api/v1/content} does for an ambassador (a submission pending
 * review, through the same service), with the link preview's description and image filled in from the URL as
 * {@code POST /api/v1/link-previews} reads them. Then the member's own suggestions, as
 * {@code GET /api/v1/me/submissions} answers them: status in words, dates, a rejection's reason.
 */
@Path(AppPaths.ROOT)
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class SubmitPage {

    static final int PAGE = 20;
    static final String SUGGESTED = "suggested";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(AppSession session, SubmitForm form, SubmitForm.Errors errors, int roomOnX);

        static native TemplateInstance submissions(AppSession session, Page<ContentView> page, boolean suggested);
    }

    private final AppPages pages;
    private final ContentService contents;
    private final ContentListings listings;
    private final SubmissionPreviews previews;
    private final Validator validator;

    @Inject
    public SubmitPage(AppPages pages, ContentService contents, ContentListings listings, SubmissionPreviews previews,
            Validator validator) {
        this.pages = pages;
        this.contents = contents;
        this.listings = listings;
        this.previews = previews;
        this.validator = validator;
    }

    @GET
    @Path("/submit")
    public Response form() {
        AppSession session = pages.session();
        return pages.gated(
                () -> Templates.form(session, SubmitForm.blank(), SubmitForm.Errors.none(), SubmitForm.roomOnX()));
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@RestForm String url, @RestForm String title, @RestForm String message) {
        AppSession session = pages.session();
        SubmitForm form = SubmitForm.of(url, title, message);
        SubmitForm.Errors errors = form.check(validator, session.lang());
        if (errors.any()) {
            return refused(session, form, errors, 400);
        }
        Optional<LinkPreview> preview = previews.of(form.url().strip());
        Actor author = new Actor(session.memberId(), false);
        try {
            contents.create(form.request(session.lang(), preview.orElse(null)), author);
        } catch (ProblemException e) {
            SubmitForm.Errors refusal = form.refusal(e);
            if (preview.isEmpty() || !refusal.onlyPreview()) {
                return refused(session, form, refusal, e.status() == 422 ? 422 : 400);
            }
            // The page's own description was refused (the blocklist): the suggestion goes without the words the member
            // never wrote, and keeps the page's image.
            LinkPreview imageOnly = new LinkPreview(preview.get().title(), null, preview.get().imageUrl(),
                    preview.get().siteName());
            try {
                contents.create(form.request(session.lang(), imageOnly), author);
            } catch (ProblemException again) {
                return refused(session, form, form.refusal(again), again.status() == 422 ? 422 : 400);
            }
        }
        return WebPages.seeOther(AppPaths.ROOT + "/submissions?done=" + SUGGESTED);
    }

    @GET
    @Path("/submissions")
    public Response submissions(@RestQuery String cursor, @RestQuery String done) {
        AppSession session = pages.session();
        Page<ContentView> page;
        try {
            page = listings.submissions(session.memberId(), PageRequest.of(String.valueOf(PAGE), cursor, 2));
        } catch (ProblemException e) {
            // A cursor that is not one of ours: the first page.
            return Response.seeOther(URI.create(AppPaths.ROOT + "/submissions")).build();
        }
        return pages.gated(() -> Templates.submissions(session, page, SUGGESTED.equals(done)));
    }

    private Response refused(AppSession session, SubmitForm form, SubmitForm.Errors errors, int status) {
        return pages.page(status, Templates.form(session, form, errors, SubmitForm.roomOnX()));
    }

    /** The site a suggestion's link leads to. */
    @TemplateExtension
    static String site(ContentView content) {
        try {
            String host = URI.create(content.url()).getHost();
            return host == null ? content.url() : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return content.url();
        }
    }
}
