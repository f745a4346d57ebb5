package io.chorus.scoring;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.http.QueryParams;
import io.chorus.common.idempotency.Idempotency;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.CampaignViews.CampaignLeaderboard;
import io.chorus.scoring.CampaignViews.CampaignView;
import io.chorus.scoring.CampaignViews.CreateCampaign;
import io.chorus.scoring.CampaignViews.UpdateCampaign;

/** Campaigns: curators write them, every member reads them and their leaderboards. */
@Path("/api/v1/campaigns")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class CampaignResource {

    private static final List<String> STATUSES = List.of("upcoming", "active", "ended");
    private final CampaignService campaigns;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public CampaignResource(CampaignService campaigns, Idempotency idempotency, Caller caller) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    public Response create(@Valid @NotNull CreateCampaign request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/campaigns", request, () -> {
            CampaignView campaign = campaigns.create(request, caller.id());
            return Response.created(URI.create("/api/v1/campaigns/" + campaign.id())).entity(campaign).build();
        });
    }

    @GET
    public Page<CampaignView> list(@RestQuery String status, @RestQuery String limit, @RestQuery String cursor) {
        return campaigns.list(QueryParams.parse("status", status, s -> {
            if (!STATUSES.contains(s)) {
                throw new IllegalArgumentException(s);
            }
            return s;
        }, "must be upcoming, active or ended"), PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public CampaignView get(@RestPath UUID id) {
        return campaigns.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    public CampaignView update(@RestPath UUID id, @Valid @NotNull UpdateCampaign request) {
        return campaigns.update(id, request, caller.id());
    }

    @GET
    @Path("/{id}/leaderboard")
    public CampaignLeaderboard leaderboard(@RestPath UUID id, @RestQuery String metric, @RestQuery String limit) {
        Metric ranked = QueryParams.parse("metric", metric, Metric::of, "must be one of points, shares, clicks")
                .orElse(Metric.POINTS);
        int size = QueryParams.parse("limit", limit, Integer::valueOf, "must be a number between 1 and 100").orElse(50);
        if (size < 1 || size > 100) {
            throw ProblemException.invalid("limit", "must be a number between 1 and 100");
        }
        return campaigns.leaderboard(id, ranked, size, caller.id());
    }
}
