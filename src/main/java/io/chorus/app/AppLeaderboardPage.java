package io.chorus.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

import io.chorus.identity.Role;
import io.chorus.scoring.LeaderboardService;
import io.chorus.scoring.Metric;
import io.chorus.scoring.Periods;
import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Leaderboard;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.web.Formats;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The organization's leaderboard, as {@code GET /api/v1/leaderboards} answers it (by points), for a period (this month
 * unless another is chosen) and optionally one of the member's own groups: the top {@value #TOP}, the member's row
 * highlighted, and their own standing below when they are not listed among them (or hide from leaderboards). Another
 * group, even of the organization, does not exist here; a period that is not one is said so, with this month shown.
 */
@Path(AppPaths.ROOT + "/leaderboards")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class AppLeaderboardPage {

    static final int TOP = 50;

    /** One row: {@code tied} when a neighbour shares the rank, {@code me} for the signed-in member. */
    public record Line(long rank, boolean tied, Entry entry, boolean me) {
    }

    /**
     * The board as chosen ({@code group} blank: everyone), whether the member hides from leaderboards, and the period
     * asked for when it is not one.
     */
    public record Board(Leaderboard leaderboard, List<Line> lines, String period, String group, boolean hidden,
            String refusedPeriod) {

        public boolean meShown() {
            return lines.stream().anyMatch(Line::me);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AppSession session, String self, Board board, List<Periods> periods,
                List<GroupView> groups, int top);
    }

    private final AppPages pages;
    private final LeaderboardService leaderboards;
    private final GroupService groups;

    @Inject
    public AppLeaderboardPage(AppPages pages, LeaderboardService leaderboards, GroupService groups) {
        this.pages = pages;
        this.leaderboards = leaderboards;
        this.groups = groups;
    }

    @GET
    public Response show(@RestQuery String period, @RestQuery String group) {
        AppSession session = pages.session();
        MeView profile = pages.profile();
        List<GroupView> mine = myGroups(profile);
        UUID groupId = null;
        if (group != null && !group.isBlank()) {
            Optional<UUID> asked = Formats.choice(group, UUID::fromString);
            if (asked.isEmpty() || mine.stream().noneMatch(g -> g.id().equals(asked.get()))) {
                return AppErrors.notFound(session.locale());
            }
            groupId = asked.get();
        }
        Optional<Periods> asked = Formats.choice(period, Periods::of);
        String refused = period != null && !period.isBlank() && asked.isEmpty() ? period.strip() : null;
        Periods chosen = asked.orElse(Periods.MONTH);
        UUID shownGroup = groupId;
        String self = AppPaths.ROOT + "/leaderboards?period=" + chosen.id()
                + (groupId == null ? "" : "&group=" + groupId);
        Response shown = pages.gated(() -> {
            Leaderboard board = leaderboards.leaderboard(chosen, Metric.POINTS, shownGroup, TOP, session.memberId());
            Board view = new Board(board, lines(board.entries(), session.memberId()), chosen.id(),
                    shownGroup == null ? "" : shownGroup.toString(), !profile.leaderboardVisible(),
                    refused == null ? null : truncated(refused));
            return Templates.show(session, self, view, List.of(Periods.values()), mine, TOP);
        });
        // A period that is not one: nothing changes, and the page (this month's board) says why.
        return refused != null && shown.getStatus() == 200 ? Response.fromResponse(shown).status(400).build() : shown;
    }

    /** The member's own groups, by name. */
    private List<GroupView> myGroups(MeView profile) {
        List<GroupView> mine = new ArrayList<>();
        profile.groupIds().forEach(id -> mine.add(groups.get(id)));
        mine.sort(Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        return mine;
    }

    /** Rows with their ties (1, 2 =, 2 =, 4) and the member's own marked. */
    static List<Line> lines(List<Entry> entries, UUID me) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            long rank = entries.get(i).rank();
            boolean tied = i > 0 && entries.get(i - 1).rank() == rank
                    || i + 1 < entries.size() && entries.get(i + 1).rank() == rank;
            lines.add(new Line(rank, tied, entries.get(i), entries.get(i).memberId().equals(me)));
        }
        return lines;
    }

    private static String truncated(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }
}
