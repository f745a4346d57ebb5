package io.chorus.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.admin.AnalyticsFilter.Read;
import io.chorus.analytics.AnalyticsConfig;
import io.chorus.analytics.AnalyticsService;
import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.common.Time;
import io.chorus.content.ContentListings;
import io.chorus.content.ContentService;
import io.chorus.content.ContentStatus;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.LeaderboardService;
import io.chorus.scoring.Metric;
import io.chorus.scoring.Periods;
import io.chorus.scoring.ScoringViews.Leaderboard;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admin UI's home, by role: what waits for a curator (content by status), and for analysts and admins the analytics
 * of a range and group (the overview as tiles, shares and clicks per day, participation by group, top content) with
 * this month's top ambassadors.
 */
@Path(AdminPaths.ROOT)
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final List<ContentStatus> TILES = List.of(ContentStatus.PENDING_REVIEW, ContentStatus.DRAFT,
            ContentStatus.SCHEDULED, ContentStatus.PUBLISHED);
    static final int TOP_AMBASSADORS = 5;

    /** The tiles of a curator's dashboard. */
    public record Tiles(long pending, long drafts, long scheduled, long published) {
    }

    /**
     * What an analyst sees: the filter as read, the groups to choose from, the figures (null when the range or group
     * was refused: {@code problem} says why) and the top of this month's leaderboard.
     */
    public record Analytics(AnalyticsFilter filter, List<GroupView> groups, Dashboard figures, String problem,
            Leaderboard top, int minGroupSize) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, Tiles tiles, Analytics analytics);
    }

    private final AdminPages pages;
    private final ContentService content;
    private final ContentListings listings;
    private final AnalyticsService analytics;
    private final AnalyticsConfig config;
    private final LeaderboardService leaderboards;
    private final GroupService groups;
    private final Caller caller;

    @Inject
    public DashboardPage(AdminPages pages, ContentService content, ContentListings listings, AnalyticsService analytics,
            AnalyticsConfig config, LeaderboardService leaderboards, GroupService groups, Caller caller) {
        this.pages = pages;
        this.content = content;
        this.listings = listings;
        this.analytics = analytics;
        this.config = config;
        this.leaderboards = leaderboards;
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    public Response show(@RestQuery String days, @RestQuery String from, @RestQuery String to,
            @RestQuery String group) {
        AdminSession session = pages.session();
        Tiles tiles = null;
        if (session.curates()) {
            Map<ContentStatus, Long> counts = listings.counts(TILES);
            tiles = new Tiles(counts.get(ContentStatus.PENDING_REVIEW), counts.get(ContentStatus.DRAFT),
                    counts.get(ContentStatus.SCHEDULED), counts.get(ContentStatus.PUBLISHED));
        }
        if (!session.analyzes()) {
            return pages.page(Templates.show(session, tiles, null));
        }
        LocalDate today = Time.today(session.zone());
        Read<Dashboard> read = AnalyticsFilter.of(days, from, to, group, today)
                .read(f -> analytics.dashboard(f.from(), f.to(), f.groupId()).value());
        AnalyticsFilter filter = read.filter();
        Leaderboard top = null;
        if (read.figures() != null) {
            filter = filter.read(read.figures().overview().from(), read.figures().overview().to(), today);
            top = leaderboards.leaderboard(Periods.MONTH, Metric.POINTS, filter.groupId(), TOP_AMBASSADORS,
                    caller.id());
        }
        return pages.page(read.status(), Templates.show(session, tiles, new Analytics(filter, AdminGroups.all(groups),
                read.figures(), read.problem(), top, config.minGroupSize())));
    }
}
