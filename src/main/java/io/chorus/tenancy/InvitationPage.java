package io.chorus.tenancy;

import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.chorus.common.Pages;
import io.chorus.common.problem.ProblemException;
import io.chorus.tenancy.InvitationService.Preview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The page an invitation's acceptUrl opens: the invitee chooses a name and password in a plain form (no JavaScript) and
 * the same acceptance as the API runs. English or French, from the browser's Accept-Language.
 */
@Path("/invitations/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InvitationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String token, Preview invitation, String error, String name);

        static native TemplateInstance accepted(Preview invitation);

        static native TemplateInstance unavailable(boolean expired);
    }

    private final InvitationService invitations;
    private final InvitationThrottle throttle;

    @Inject
    public InvitationPage(InvitationService invitations, InvitationThrottle throttle) {
        this.invitations = invitations;
        this.throttle = throttle;
    }

    @GET
    public Response show(@RestPath String token, HttpHeaders headers, HttpServerRequest http) {
        Locale locale = Pages.localeOf(headers);
        return preview(token, http)
                .map(preview -> preview.usable() ? Pages.page(200, Templates.form(token, preview, null, ""), locale)
                        : Pages.page(410, Templates.unavailable(preview.expired()), locale))
                .orElseGet(() -> Pages.page(404, Templates.unavailable(false), locale));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath String token, @RestForm String name, @RestForm String password,
            HttpHeaders headers, HttpServerRequest http) {
        Locale locale = Pages.localeOf(headers);
        Preview preview = preview(token, http).orElse(null);
        if (preview == null) {
            return Pages.page(404, Templates.unavailable(false), locale);
        }
        String error = name == null || name.isBlank() || name.length() > 200 ? "name"
                : password == null || password.codePointCount(0, password.length()) < 10 ? "password" : null;
        if (error != null) {
            return Pages.page(400, Templates.form(token, preview, error, name == null ? "" : name), locale);
        }
        try {
            throttle.guard(http.remoteAddress().hostAddress(), () -> invitations.accept(token, name, password));
        } catch (ProblemException e) {
            if (e.status() == 429) {
                throw e;
            }
            return e.status() == 400 ? Pages.page(400, Templates.form(token, preview, "password", name), locale)
                    : Pages.page(e.status(), Templates.unavailable(preview.expired()), locale);
        }
        return Pages.page(200, Templates.accepted(preview), locale);
    }

    /** The invitation behind a token; a token that is none counts against the client's attempts. */
    private Optional<Preview> preview(String token, HttpServerRequest http) {
        String client = http.remoteAddress().hostAddress();
        throttle.check(client);
        Optional<Preview> preview = invitations.preview(token);
        if (preview.isEmpty() || !preview.get().usable()) {
            throttle.failed(client);
        }
        return preview;
    }
}
