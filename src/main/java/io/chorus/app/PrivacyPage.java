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

import io.chorus.analytics.AnalyticsConfig;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.mail.MailConfig;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.Role;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.trust.CharterService;
import io.chorus.trust.CharterViews.CharterView;
import io.chorus.trust.PersonalDataResource;
import io.chorus.trust.PersonalDataService;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The member's privacy, reachable before the charter is accepted: hiding from (or coming back to) the leaderboards as
 * {@code PATCH /api/v1/me} does, downloading one's data exactly as {@code GET /api/v1/me/data} answers it, the charter,
 * and what Chorus records about members and who sees it.
 */
@Path(AppPaths.ROOT + "/privacy")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class PrivacyPage {

    static final String HIDDEN = "hidden";
    static final String SHOWN = "shown";

    /** How many days the outbox keeps a member's mails: sent ones, and those never delivered. */
    public record Kept(long sentDays, long failedDays) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AppSession session, MeView me, CharterView charter, String done,
                boolean invalid, int minGroupSize, Kept kept);
    }

    private final AppPages pages;
    private final MeService me;
    private final CharterService charters;
    private final PersonalDataService data;
    private final AnalyticsConfig analytics;
    private final Kept kept;
    private final Caller caller;

    @Inject
    public PrivacyPage(AppPages pages, MeService me, CharterService charters, PersonalDataService data,
            AnalyticsConfig analytics, MailConfig mail, Caller caller) {
        this.pages = pages;
        this.me = me;
        this.charters = charters;
        this.data = data;
        this.analytics = analytics;
        this.kept = new Kept(mail.keepSent().toDays(), mail.keepFailed().toDays());
        this.caller = caller;
    }

    @GET
    public Response show(@RestQuery String done) {
        String notice = HIDDEN.equals(done) || SHOWN.equals(done) ? done : null;
        return page(200, notice, false);
    }

    @POST
    @Path("/leaderboards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leaderboards(@RestForm String visible) {
        Boolean wanted = "true".equals(visible) ? Boolean.TRUE : "false".equals(visible) ? Boolean.FALSE : null;
        if (wanted == null) {
            return page(400, null, true);
        }
        me.update(pages.session().memberId(), new UpdateMe(null, null, wanted));
        return WebPages.seeOther(AppPaths.ROOT + "/privacy?done=" + (wanted ? SHOWN : HIDDEN));
    }

    /** The right of access: the API's document, as the API's file. */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data() {
        return PersonalDataResource.download(data.export(caller.id()));
    }

    private Response page(int status, String done, boolean invalid) {
        AppSession session = pages.session();
        CharterView charter;
        try {
            charter = charters.current(session.memberId());
        } catch (ProblemException e) {
            charter = null; // the organization has none
        }
        return pages.page(status,
                Templates.show(session, pages.profile(), charter, done, invalid, analytics.minGroupSize(), kept));
    }
}
