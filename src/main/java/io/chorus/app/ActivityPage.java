package io.chorus.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.scoring.CampaignService;
import io.chorus.scoring.LeaderboardService;
import io.chorus.scoring.Metric;
import io.chorus.scoring.Periods;
import io.chorus.scoring.ScoringViews.Badge;
import io.chorus.scoring.ScoringViews.Score;
import io.chorus.scoring.ScoringViews.Standing;
import io.chorus.sharing.ShareService;
import io.chorus.sharing.SharingViews.MyShare;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The member's own activity: what {@code GET /api/v1/me/score} answers (points, level, badges, breakdown), their rank
 * in this month's leaderboard, and their shares, newest first, {@value #PAGE} at a time, each with the people its link
 * brought (robots and the member's own clicks left out).
 */
@Path(AppPaths.ROOT + "/me")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class ActivityPage {

    static final int PAGE = 20;

    /**
     * A badge as the page names it: the day it was earned (in the organization's zone), the campaign whose goal it
     * celebrates and the month it was in the top 10 of (blank when it is not that kind).
     */
    public record BadgeLine(String id, Instant awardedAt, LocalDate awardedOn, String campaign, String month) {
    }

    /** The score, this month's standing, and whether the member shows on leaderboards. */
    public record Activity(Score score, Standing month, boolean listed, List<BadgeLine> badges) {

        /** The points still missing to the next level; null at the top level. */
        public Long toNextLevel() {
            Long next = score.level().nextAt();
            return next == null ? null : Math.max(0, next - score.points());
        }

        public int nextLevel() {
            return score.level().number() + 1;
        }

        /** Ranked this month once something was earned in it. */
        public boolean rankedThisMonth() {
            return month.points() != 0 || month.shares() > 0 || month.clicks() > 0;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AppSession session, Activity activity, List<MyShare> shares,
                String nextCursor, boolean later);
    }

    private final AppPages pages;
    private final LeaderboardService leaderboards;
    private final CampaignService campaigns;
    private final ShareService shares;

    @Inject
    public ActivityPage(AppPages pages, LeaderboardService leaderboards, CampaignService campaigns,
            ShareService shares) {
        this.pages = pages;
        this.leaderboards = leaderboards;
        this.campaigns = campaigns;
        this.shares = shares;
    }

    @GET
    public Response show(@RestQuery String cursor) {
        AppSession session = pages.session();
        Page<MyShare> mine;
        try {
            mine = shares.mineWithClicks(session.memberId(), PageRequest.of(String.valueOf(PAGE), cursor, 2));
        } catch (ProblemException e) {
            // A cursor that is not one of ours: the newest shares.
            return WebPages.seeOther(AppPaths.ROOT + "/me");
        }
        return pages.gated(() -> {
            Score score = leaderboards.score(session.memberId());
            Standing month = leaderboards.leaderboard(Periods.MONTH, Metric.POINTS, null, 1, session.memberId()).me();
            boolean listed = pages.profile().leaderboardVisible();
            Map<UUID, String> names = new HashMap<>();
            List<BadgeLine> badges = score.badges().stream().map(b -> line(b, session, names)).toList();
            return Templates.show(session, new Activity(score, month, listed, badges), mine.items(), mine.nextCursor(),
                    cursor != null && !cursor.isBlank());
        });
    }

    private BadgeLine line(Badge badge, AppSession session, Map<UUID, String> names) {
        String campaign = badge.campaignId() == null ? ""
                : names.computeIfAbsent(badge.campaignId(), this::campaignName);
        String month = badge.month() == null ? ""
                : DateTimeFormatter.ofPattern("LLLL yyyy", session.locale()).format(YearMonth.parse(badge.month()));
        return new BadgeLine(badge.id(), badge.awardedAt(), LocalDate.ofInstant(badge.awardedAt(), session.zone()),
                campaign, month);
    }

    private String campaignName(UUID id) {
        try {
            return campaigns.get(id).name();
        } catch (ProblemException e) {
            return "";
        }
    }
}
