package io.chorus.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentStatus;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.identity.Role;
import io.chorus.scoring.CampaignService;
import io.chorus.scoring.CampaignViews.CampaignLeaderboard;
import io.chorus.scoring.CampaignViews.CampaignView;
import io.chorus.scoring.Metric;
import io.chorus.scoring.ScoringViews.Standing;
import io.chorus.tenancy.GroupService;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Campaigns as members see them, through the same service as {@code GET /api/v1/campaigns}: the active ones, each with
 * its rules, window, goal and its progress, reward and the member's standing; and one campaign (of any status, as the
 * API shows it) with its top {@value #TOP} and the content to share from it. Like the API, every campaign of the
 * organization shows to every member; one aimed at groups the member is not in says that their shares do not count in
 * it.
 */
@Path(AppPaths.ROOT + "/campaigns")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class AppCampaignPages {

    static final int TOP = 10;

    /**
     * A campaign with the member's standing in it, whether it counts what they do ({@code forMe}), and the names of the
     * groups it is aimed at (none: everyone).
     */
    public record Card(CampaignView campaign, Standing me, boolean forMe, List<String> audience) {

        /** Whether the member earned anything in it yet. */
        public boolean started() {
            return me.points() != 0 || me.shares() > 0 || me.clicks() > 0;
        }

        /** The campaign's page. */
        public String path() {
            return AppPaths.ROOT + "/campaigns/" + campaign.id();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AppSession session, List<Card> cards, String nextCursor);

        static native TemplateInstance detail(AppSession session, Card card, List<AppLeaderboardPage.Line> lines,
                List<ContentView> items, List<FeedPage.Choice> networks, FeedPage.Words words, int top);
    }

    private final AppPages pages;
    private final CampaignService campaigns;
    private final ContentService content;
    private final GroupService groups;

    @Inject
    public AppCampaignPages(AppPages pages, CampaignService campaigns, ContentService content, GroupService groups) {
        this.pages = pages;
        this.campaigns = campaigns;
        this.content = content;
        this.groups = groups;
    }

    @GET
    public Response list(@RestQuery String cursor) {
        AppSession session = pages.session();
        Page<CampaignView> active;
        try {
            active = campaigns.list(Optional.of("active"), PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            // A cursor that is not one of ours: the first page.
            return WebPages.seeOther(AppPaths.ROOT + "/campaigns");
        }
        return pages.gated(() -> {
            Set<UUID> mine = Set.copyOf(pages.profile().groupIds());
            Map<UUID, String> names = new HashMap<>();
            List<Card> cards = new ArrayList<>();
            for (CampaignView campaign : active.items()) {
                Standing standing = campaigns.leaderboard(campaign.id(), Metric.POINTS, 1, session.memberId()).me();
                cards.add(card(campaign, standing, mine, names));
            }
            return Templates.list(session, cards, active.nextCursor());
        });
    }

    @GET
    @Path("/{id}")
    public Response detail(@RestPath String id) {
        AppSession session = pages.session();
        UUID campaignId = SharePage.uuid(id);
        CampaignView campaign;
        try {
            campaign = campaignId == null ? null : campaigns.get(campaignId);
        } catch (ProblemException e) {
            campaign = null;
        }
        if (campaign == null) {
            return AppErrors.notFound(session.locale());
        }
        CampaignView found = campaign;
        return pages.gated(() -> {
            CampaignLeaderboard board = campaigns.leaderboard(found.id(), Metric.POINTS, TOP, session.memberId());
            Card card = card(found, board.me(), Set.copyOf(pages.profile().groupIds()), new HashMap<>());
            List<FeedPage.Choice> networks = FeedPage.Choice.of(session.networks(), session.locale());
            return Templates.detail(session, card, AppLeaderboardPage.lines(board.entries(), session.memberId()),
                    shareable(found, session), networks, FeedPage.Words.of(networks, session.locale()), TOP);
        });
    }

    private Card card(CampaignView campaign, Standing standing, Set<UUID> mine, Map<UUID, String> names) {
        List<String> audience = campaign.targetGroupIds().stream()
                .map(g -> names.computeIfAbsent(g, id -> groups.get(id).name())).sorted().toList();
        boolean forMe = campaign.targetGroupIds().isEmpty()
                || campaign.targetGroupIds().stream().anyMatch(mine::contains);
        return new Card(campaign, standing, forMe, audience);
    }

    /** The campaign's content the member's feed shows (published, aimed at them): what they can share from here. */
    private List<ContentView> shareable(CampaignView campaign, AppSession session) {
        Actor reader = new Actor(session.memberId(), false);
        List<ContentView> items = new ArrayList<>();
        for (UUID contentId : campaign.contentIds()) {
            try {
                ContentView item = content.get(contentId, reader);
                if (item.status() == ContentStatus.PUBLISHED) {
                    items.add(item);
                }
            } catch (ProblemException e) {
                // Not in this member's feed (not published, or for other groups): nothing to share.
            }
        }
        return items;
    }
}
