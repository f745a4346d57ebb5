package io.chorus.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.http.QueryParams;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.ScoringViews.Leaderboard;

/** Leaderboards by period, group and metric. */
@Path("/api/v1/leaderboards")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class LeaderboardResource {

    private final LeaderboardService leaderboards;
    private final Caller caller;

    @Inject
    public LeaderboardResource(LeaderboardService leaderboards, Caller caller) {
        this.leaderboards = leaderboards;
        this.caller = caller;
    }

    @GET
    public Leaderboard leaderboard(@RestQuery String period, @RestQuery String metric, @RestQuery String groupId,
            @RestQuery String limit) {
        Periods chosen = QueryParams
                .parse("period", period, Periods::of, "must be one of week, month, quarter, year, all")
                .orElse(Periods.MONTH);
        Metric ranked = QueryParams.parse("metric", metric, Metric::of, "must be one of points, shares, clicks")
                .orElse(Metric.POINTS);
        int size = QueryParams.parse("limit", limit, Integer::valueOf, "must be a number between 1 and 100").orElse(50);
        if (size < 1 || size > 100) {
            throw ProblemException.invalid("limit", "must be a number between 1 and 100");
        }
        return leaderboards.leaderboard(chosen, ranked, QueryParams.uuid("groupId", groupId).orElse(null), size,
                caller.id());
    }
}
