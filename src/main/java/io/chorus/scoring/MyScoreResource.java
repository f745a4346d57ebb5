package io.chorus.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.ScoringViews.Score;

/** The caller's own points, rank, level, badges and breakdown. */
@Path("/api/v1/me/score")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class MyScoreResource {

    private final LeaderboardService leaderboards;
    private final Caller caller;

    @Inject
    public MyScoreResource(LeaderboardService leaderboards, Caller caller) {
        this.leaderboards = leaderboards;
        this.caller = caller;
    }

    @GET
    public Score score() {
        return leaderboards.score(caller.id());
    }
}
