package io.chorus.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.chorus.common.Pages;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.identity.Caller;
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
    private final DataSource database;
    private final Tenants tenants;
    private final RoutingContext routing;
    private AppSession session;
    private MeView profile;

    @Inject
    public AppPages(Caller caller, MeService me, DataSource database, Tenants tenants, RoutingContext routing) {
        this.caller = caller;
        this.me = me;
        this.database = database;
        this.tenants = tenants;
        this.routing = routing;
    }

    /**
     * The signed-in member, read once per request, in one statement: every page needs it, and the services' own reads
     * (the member, the organization, its settings, the charter, the networks) were five statements before the page's
     * own work.
     */
    public AppSession session() {
        if (session == null) {
            UUID member = caller.id();
            Object[] row = Jdbc.rows(database, SESSION, tenants.current(), member).get(0);
            session = new AppSession(member, (String) row[0], (String) row[2], Csrf.token(routing),
                    Pages.localeOf((String) row[1]), zone((String) row[3]),
                    row[4] == null ? null : ((Number) row[4]).intValue(),
                    OrganizationSettings.allowedNetworks((String[]) row[5]));
        }
        return session;
    }

    /**
     * The member's name and language, the organization's name and zone (UTC without settings), the charter due, the
     * networks shared on.
     */
    private static final String SESSION = "select m.name, m.language, o.name, coalesce(s.time_zone, 'UTC'), "
            + CharterService.PENDING_VERSION + ", s.networks from " + CharterService.ASKING
            + " join members m on m.id = k.member and m.organization_id = k.org"
            + " join organizations o on o.id = m.organization_id"
            + " left join organization_settings s on s.organization_id = m.organization_id";

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
