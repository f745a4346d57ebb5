package io.chorus.mail;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.common.Pages;
import io.chorus.mail.EmailPreferencesService.Unsubscribing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A mail's unsubscribe link: opening it shows a button (a link opened by a mail scanner unsubscribes nobody); a POST to
 * it, the button's or a mail client's one-click unsubscribe (RFC 8058, {@code List-Unsubscribe=One-Click}), stops
 * digests and broadcasts at once, with no sign-in: the link is signed.
 */
@Path("/unsubscribe/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String organization);

        static native TemplateInstance done(String organization);

        static native TemplateInstance invalid();
    }

    private final EmailPreferencesService preferences;

    @Inject
    public UnsubscribePage(EmailPreferencesService preferences) {
        this.preferences = preferences;
    }

    @GET
    public Response show(@RestPath String token, HttpHeaders headers) {
        Locale locale = Pages.localeOf(headers);
        return preferences.unsubscribing(token)
                .map(who -> Pages.page(200, Templates.confirm(token, who.organization()), locale))
                .orElseGet(() -> Pages.page(404, Templates.invalid(), locale));
    }

    @POST
    public Response unsubscribe(@RestPath String token, HttpHeaders headers) {
        Locale locale = Pages.localeOf(headers);
        Unsubscribing who = preferences.unsubscribing(token).orElse(null);
        if (who == null) {
            return Pages.page(404, Templates.invalid(), locale);
        }
        preferences.unsubscribe(who);
        return Pages.page(200, Templates.done(who.organization()), locale);
    }
}
