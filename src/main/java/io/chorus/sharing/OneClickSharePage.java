package io.chorus.sharing;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.common.Pages;
import io.chorus.common.throttle.ShareLinkThrottle;
import io.chorus.sharing.clicks.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Following a one-click share link: no login, a 302 to the network's share dialog. A tampered or expired link gets a
 * small 403 page; content no longer shareable a 410 page; a member who has not accepted the organization's charter a
 * 409 page that asks them to (no share is made); a share the sharing rules refuse a page saying when sharing opens
 * again (429 for the daily limit, 409 outside sharing hours).
 */
@Path("/share/{token}")
@PermitAll
public class OneClickSharePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(boolean expired);

        static native TemplateInstance gone();

        static native TemplateInstance charter(int version);

        static native TemplateInstance rule(ShareRules.Refusal rule, Locale locale);
    }

    private final ShareLinkService links;
    private final ShareLinkThrottle throttle;

    @Inject
    public OneClickSharePage(ShareLinkService links, ShareLinkThrottle throttle) {
        this.links = links;
        this.throttle = throttle;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response follow(@RestPath String token, HttpHeaders headers, HttpServerRequest request) {
        String client = request.remoteAddress().hostAddress();
        throttle.follow(token, client);
        ShareLinkService.Followed followed = links.follow(token, Visitor.of(request));
        if (followed.intentUrl() != null) {
            return Response.status(Response.Status.FOUND).location(URI.create(followed.intentUrl()))
                    .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
        }
        if (followed.refusedStatus() == 403) {
            throttle.refused(client);
        }
        Locale locale = Pages.localeOf(headers);
        TemplateInstance page = followed.rule() != null ? Templates.rule(followed.rule(), locale)
                : switch (followed.refusedStatus()) {
                    case 409 -> Templates.charter(followed.charterVersion());
                    case 410 -> Templates.gone();
                    default -> Templates.refused(followed.expired());
                };
        return Pages.page(followed.refusedStatus(), page, locale);
    }
}
