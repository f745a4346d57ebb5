package io.chorus.app;

import java.util.List;
import java.util.Set;

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

import io.chorus.analytics.AnalyticsConfig;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.mail.EmailPreferencesService;
import io.chorus.mail.MailConfig;
import io.chorus.mail.MailViews;
import io.chorus.mail.MailViews.EmailPreferences;
import io.chorus.mail.MailViews.UpdateEmailPreferences;
import io.chorus.tenancy.MeService;
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
 * {@code PATCH /api/v1/me} does, choosing which mails come as {@code PATCH /api/v1/me/email-preferences} does (the same
 * services, the same checks), downloading one's data exactly as {@code GET /api/v1/me/data} answers it, the charter,
 * and what Chorus records about members and who sees it.
 */
@Path(AppPaths.ROOT + "/privacy")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class PrivacyPage {

    static final String HIDDEN = "hidden";
    static final String SHOWN = "shown";
    static final String EMAIL = "email";
    /** What a refused form was wrong about: the leaderboards' choice, the digest's, the broadcasts'. */
    static final String VISIBLE = "visible";
    static final String DIGEST = "digest";
    static final String BROADCASTS = "broadcasts";

    /**
     * The email card: the member's choices, the digest frequencies to choose from, and how many days the outbox keeps
     * their mails (sent ones, and those never delivered).
     */
    public record EmailCard(EmailPreferences preferences, List<String> frequencies, long keptSentDays,
            long keptFailedDays) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AppSession session, MeView me, CharterView charter, String done,
                String problem, int minGroupSize, EmailCard email);
    }

    private final AppPages pages;
    private final MeService me;
    private final EmailPreferencesService emailPreferences;
    private final CharterService charters;
    private final PersonalDataService data;
    private final AnalyticsConfig analytics;
    private final MailConfig mail;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public PrivacyPage(AppPages pages, MeService me, EmailPreferencesService emailPreferences, CharterService charters,
            PersonalDataService data, AnalyticsConfig analytics, MailConfig mail, Validator validator, Caller caller) {
        this.pages = pages;
        this.me = me;
        this.emailPreferences = emailPreferences;
        this.charters = charters;
        this.data = data;
        this.analytics = analytics;
        this.mail = mail;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response show(@RestQuery String done) {
        String notice = done != null && Set.of(HIDDEN, SHOWN, EMAIL).contains(done) ? done : null;
        return page(200, notice, null);
    }

    @POST
    @Path("/leaderboards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leaderboards(@RestForm String visible) {
        Boolean wanted = choice(visible);
        if (wanted == null) {
            return page(400, null, VISIBLE);
        }
        me.update(pages.session().memberId(), new UpdateMe(null, null, wanted));
        return WebPages.seeOther(AppPaths.ROOT + "/privacy?done=" + (wanted ? SHOWN : HIDDEN));
    }

    /**
     * The email form: a digest frequency (required: the form always offers one checked) and the broadcasts box (absent
     * when unticked), checked as the API checks them. A refused form changes nothing.
     */
    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response email(@RestForm String digest, @RestForm String broadcasts) {
        Boolean wanted = broadcasts == null ? Boolean.FALSE : choice(broadcasts);
        if (wanted == null) {
            return page(400, null, BROADCASTS);
        }
        UpdateEmailPreferences request = new UpdateEmailPreferences(digest, wanted);
        if (digest == null || !validator.validate(request).isEmpty()) {
            return page(400, null, DIGEST);
        }
        emailPreferences.update(pages.session().memberId(), request);
        return WebPages.seeOther(AppPaths.ROOT + "/privacy?done=" + EMAIL);
    }

    /** The right of access: the API's document, as the API's file. */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data() {
        return PersonalDataResource.download(data.export(caller.id()));
    }

    /** {@code true} or {@code false} as a form sends them; anything else is null. */
    private static Boolean choice(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private Response page(int status, String done, String problem) {
        AppSession session = pages.session();
        CharterView charter;
        try {
            charter = charters.current(session.memberId());
        } catch (ProblemException e) {
            charter = null; // the organization has none
        }
        EmailCard email = new EmailCard(emailPreferences.get(session.memberId()), MailViews.digests(),
                mail.keepSent().toDays(), mail.keepFailed().toDays());
        return pages.page(status,
                Templates.show(session, pages.profile(), charter, done, problem, analytics.minGroupSize(), email));
    }
}
