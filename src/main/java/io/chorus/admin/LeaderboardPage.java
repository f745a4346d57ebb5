package io.chorus.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.LeaderboardService;
import io.chorus.scoring.Metric;
import io.chorus.scoring.Periods;
import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Leaderboard;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.Formats;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Leaderboards for analysts and admins: by period, group and metric, the top {@value #TOP} ranked with ties (1, 2, 2,
 * 4). Members who hid themselves from leaderboards, and members who are not active, are not listed.
 */
@Path("/admin/leaderboards")
@RolesAllowed({ Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class LeaderboardPage {

    static final int TOP = 100;

    /** One line: {@code tied} when another listed member shares the rank. */
    public record Line(long rank, boolean tied, Entry entry) {
    }

    /** The filters as chosen ({@code group} blank: everyone). */
    public record Filters(String period, String metric, String group) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, Leaderboard board, List<Line> lines, Filters filters,
                List<Periods> periods, List<String> metrics, List<GroupView> groups);
    }

    private final AdminPages pages;
    private final LeaderboardService leaderboards;
    private final GroupService groups;
    private final Caller caller;

    @Inject
    public LeaderboardPage(AdminPages pages, LeaderboardService leaderboards, GroupService groups, Caller caller) {
        this.pages = pages;
        this.leaderboards = leaderboards;
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    public Response show(@RestQuery String period, @RestQuery String metric, @RestQuery String group) {
        Periods chosen = Formats.choice(period, Periods::of).orElse(Periods.MONTH);
        Metric ranked = Formats.choice(metric, Metric::of).orElse(Metric.POINTS);
        Optional<UUID> groupId = Formats.choice(group, UUID::fromString);
        Leaderboard board;
        try {
            board = leaderboards.leaderboard(chosen, ranked, groupId.orElse(null), TOP, caller.id());
        } catch (ProblemException e) { // a group that is not (or no longer) one of ours
            groupId = Optional.empty();
            board = leaderboards.leaderboard(chosen, ranked, null, TOP, caller.id());
        }
        Filters filters = new Filters(chosen.id(), ranked.id(), groupId.map(UUID::toString).orElse(""));
        return pages.page(Templates.show(pages.session(), board, lines(board.entries()), filters,
                List.of(Periods.values()), Metric.NAMES, AdminGroups.all(groups)));
    }

    static List<Line> lines(List<Entry> entries) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            long rank = entries.get(i).rank();
            boolean tied = i > 0 && entries.get(i - 1).rank() == rank
                    || i + 1 < entries.size() && entries.get(i + 1).rank() == rank;
            lines.add(new Line(rank, tied, entries.get(i)));
        }
        return lines;
    }
}
