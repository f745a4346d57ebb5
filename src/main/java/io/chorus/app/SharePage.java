package io.chorus.app;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.problem.ProblemException;
import io.chorus.content.Content;
import io.chorus.content.ContentService;
import io.chorus.content.Network;
import io.chorus.content.Voices;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sharing.CharterCheck;
import io.chorus.sharing.ShareRules;
import io.chorus.sharing.ShareService;
import io.chorus.sharing.SharingViews.ShareWithClicks;
import io.chorus.sharing.clicks.Visitor;
import io.chorus.trust.CharterService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sharing from the app: the same service as {@code POST /api/v1/content/{id}/shares} (the same checks, the same
 * points), then the share page: the network's share dialog with the tracked link, and the link to copy. Without
 * JavaScript the button is a form post that ends on that page; the page's script posts it in place and opens the
 * network itself ({@value FeedPage#FRAGMENT} header: just the share's panel).
 */
@Path(AppPaths.ROOT)
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class SharePage {

    /** A share as the page shows it: the share, its content's title and the network's name. */
    public record Shared(ShareWithClicks share, String title) {
    }

    /**
     * Why a share was refused, in words the page gives: the content is gone, the message is too long (with the
     * disclosure, when it made it so), or a sharing rule ({@code rule}: the daily limit or the sharing hours).
     */
    public record Refused(String title, Network network, boolean tooLong, ShareRules.Refusal rule) {
    }

    /** The edit-before-sharing page: the item's title as shown, the network and the message offered. */
    public record Compose(UUID contentId, String title, Network network, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compose(AppSession session, Compose compose);

        static native TemplateInstance shared(AppSession session, Shared shared);

        static native TemplateInstance panel(AppSession session, Shared shared);

        static native TemplateInstance refused(AppSession session, Refused refused);
    }

    private final AppPages pages;
    private final ShareService shares;
    private final CharterService charters;
    private final Caller caller;
    private final ContentService content;

    @Inject
    public SharePage(AppPages pages, ShareService shares, CharterService charters, Caller caller,
            ContentService content) {
        this.pages = pages;
        this.shares = shares;
        this.charters = charters;
        this.caller = caller;
        this.content = content;
    }

    @POST
    @Path("/content/{id}/share")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@RestPath String id, @RestForm String network, @RestForm String message,
            @HeaderParam(FeedPage.FRAGMENT) String fragment, HttpServerRequest http) {
        AppSession session = pages.session();
        UUID contentId = uuid(id);
        Network chosen = network(network);
        if (contentId == null || chosen == null) {
            return AppErrors.notFound(session.locale());
        }
        if (session.charterToAccept() != null) {
            return Response.seeOther(URI.create("/app/charter?next=/app")).build();
        }
        ShareService.Outcome outcome;
        try {
            outcome = shares.share(contentId, chosen, message, session.memberId(), caller.curates(), Visitor.of(http));
        } catch (ProblemException e) {
            return refused(session, e, contentId, chosen);
        }
        if ("share".equals(fragment)) {
            return pages.page(Templates.panel(session, shared(outcome.share().id())));
        }
        return Response.seeOther(URI.create("/app/shares/" + outcome.share().id())).build();
    }

    /**
     * Edit before sharing, without JavaScript: the message offered to the member on the network, in a field to change,
     * posted like the feed's share form.
     */
    @GET
    @Path("/content/{id}/compose")
    public Response compose(@RestPath String id, @RestQuery String network) {
        AppSession session = pages.session();
        UUID contentId = uuid(id);
        Network chosen = network(network);
        if (contentId == null || chosen == null || !session.networks().contains(chosen)) {
            return AppErrors.notFound(session.locale());
        }
        Voices.Shown shown;
        try {
            shown = content.shownTo(contentId, new ContentService.Actor(session.memberId(), caller.curates()));
        } catch (ProblemException e) {
            return AppErrors.notFound(session.locale());
        }
        return pages.page(
                Templates.compose(session, new Compose(contentId, shown.title(), chosen, shown.offer(chosen).text())));
    }

    @GET
    @Path("/shares/{id}")
    public Response show(@RestPath String id) {
        AppSession session = pages.session();
        UUID shareId = uuid(id);
        if (shareId == null) {
            return AppErrors.notFound(session.locale());
        }
        try {
            return pages.page(Templates.shared(session, shared(shareId)));
        } catch (ProblemException e) {
            return AppErrors.notFound(session.locale());
        }
    }

    /** One's own share, with its content's title (another member's share does not exist here). */
    private Shared shared(UUID shareId) {
        ShareWithClicks share = shares.get(shareId, pages.session().memberId(), false);
        Content content = Content.findById(share.contentId());
        return new Shared(share, content.title);
    }

    private Response refused(AppSession session, ProblemException e, UUID contentId, Network network) {
        if (e.status() == 404 || ShareService.NETWORK_NOT_ALLOWED.equals(e.slug())) {
            return AppErrors.notFound(session.locale()); // as a network the page offers no button for
        }
        if (CharterCheck.NOT_ACCEPTED.equals(e.slug())) {
            return Response.seeOther(URI.create("/app/charter?next=/app")).build();
        }
        Content content = Content.findById(contentId);
        ShareRules.Refusal rule = ShareRules.Refusal.of(e).orElse(null);
        Refused refused = new Refused(content == null ? "" : content.title, network, e.status() == 400, rule);
        int status = rule != null ? e.status() : e.status() == 400 ? 400 : 409;
        return pages.page(status, Templates.refused(session, refused));
    }

    static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Network network(String id) {
        try {
            return id == null ? null : Network.of(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
