package io.chorus.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.chorus.common.Pages;
import io.chorus.identity.Caller;
import io.chorus.scoring.ScoringService;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.trust.CharterService;
import io.chorus.web.Csrf;
import io.chorus.web.Formats;
import io.chorus.web.WebPages;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * Renders the app's pages for the signed-in member: their session, their language, the headers; and the charter first,
 * for a member who has not accepted the organization's current one.
 */
@RequestScoped
public class AppPages {

    private final Caller caller;
    private final MeService me;
    private final ScoringService scoring;
    private final CharterService charters;
    private final RoutingContext routing;
    private AppSession session;
    private MeView profile;

    @Inject
    public AppPages(Caller caller, MeService me, ScoringService scoring, CharterService charters,
            RoutingContext routing) {
        this.caller = caller;
        this.me = me;
        this.scoring = scoring;
        this.charters = charters;
        this.routing = routing;
    }

    /** The signed-in member, read once per request. */
    public AppSession session() {
        if (session == null) {
            MeView view = profile();
            Integer charter = charters.pendingVersion(view.id()).stream().boxed().findFirst().orElse(null);
            session = new AppSession(view.id(), view.name(), view.organization().name(), Csrf.token(routing),
                    Pages.localeOf(view.language()), zone(scoring.settings().timeZone()), charter);
        }
        return session;
    }

    /** The signed-in member's profile (groups, leaderboard visibility...), read once per request. */
    public MeView profile() {
        if (profile == null) {
            profile = me.get(caller.id());
        }
        return profile;
    }

    /** The organization's zone; "UTC" rather than "Z" when it has none. */
    private static ZoneId zone(String id) {
        ZoneId zone = ZoneId.of(id).normalized();
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /**
     * A page that needs the charter accepted first: the charter instead, until it is (then back here). The page is
     * built only when it is shown.
     */
    public Response gated(Supplier<TemplateInstance> page) {
        if (session().charterToAccept() != null) {
            String path = routing.request().uri();
            return WebPages.seeOther("/app/charter?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
        return page(200, page.get());
    }

    public Response page(TemplateInstance template) {
        return page(200, template);
    }

    public Response page(int status, TemplateInstance template) {
        return WebPages.render(status, template.setAttribute(Formats.ZONE, session().zone()), session().locale());
    }
}
