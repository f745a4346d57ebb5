package io.chorus.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.Time;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentFilter;
import io.chorus.content.ContentListings;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentStatus;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.CampaignService;
import io.chorus.scoring.CampaignViews.CampaignLeaderboard;
import io.chorus.scoring.CampaignViews.CampaignView;
import io.chorus.scoring.CampaignViews.CreateCampaign;
import io.chorus.scoring.CampaignViews.UpdateCampaign;
import io.chorus.scoring.Metric;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.Formats;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Campaigns: the list (status, window, goal progress, participants), the form curators create and edit them with, and a
 * campaign's page with its goal and leaderboard, which htmx refreshes every few seconds (a reload does the same without
 * JavaScript). Like the API, every role of the admin UI reads campaigns and only curators and admins write them;
 * everything goes through {@link CampaignService}.
 */
@Path("/admin/campaigns")
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class CampaignPages {

    /** The campaign statuses the list filters by. */
    static final List<String> STATUSES = List.of("active", "upcoming", "ended");
    /** How many of the latest published items the form offers (besides those the campaign already has). */
    static final int CHOICES = 100;

    /** A campaign in the list, with how many members take part. */
    public record Row(CampaignView campaign, long participants) {
    }

    /** What the campaign's page refreshes: the goal's progress, the participants and the leaderboard. */
    public record Live(CampaignView campaign, long participants, String metric, List<LeaderboardPage.Line> lines,
            Instant at) {
        /** Polling stops once the campaign is over: its figures no longer change. */
        public boolean polls() {
            return !"ended".equals(campaign.status());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, List<Row> rows, String nextCursor, String status,
                List<String> statuses, String done);

        static native TemplateInstance form(AdminSession session, CampaignView campaign, CampaignForm form,
                List<ContentView> choices, List<GroupView> groups, List<String> metrics, FieldErrors errors);

        static native TemplateInstance detail(AdminSession session, String self, Live live, List<ContentView> content,
                List<String> groupNames, List<String> metrics, String done);

        static native TemplateInstance detail$live(Live live);
    }

    private final AdminPages pages;
    private final CampaignService campaigns;
    private final ContentService content;
    private final ContentListings listings;
    private final GroupService groups;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public CampaignPages(AdminPages pages, CampaignService campaigns, ContentService content, ContentListings listings,
            GroupService groups, Validator validator, Caller caller) {
        this.pages = pages;
        this.campaigns = campaigns;
        this.content = content;
        this.listings = listings;
        this.groups = groups;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response list(@RestQuery String status, @RestQuery String cursor, @RestQuery String done) {
        Optional<String> wanted = Formats.choice(status, s -> {
            if (!STATUSES.contains(s)) {
                throw new IllegalArgumentException(s);
            }
            return s;
        });
        Page<CampaignView> page;
        try {
            page = campaigns.list(wanted, PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            page = campaigns.list(wanted, PageRequest.of(null, null, 2)); // a cursor that is not ours
        }
        Map<UUID, Long> participants = campaigns.participants(page.items().stream().map(CampaignView::id).toList());
        List<Row> rows = page.items().stream().map(c -> new Row(c, participants.getOrDefault(c.id(), 0L))).toList();
        return pages.page(Templates.list(pages.session(), rows, page.nextCursor(), wanted.orElse(""), STATUSES, done));
    }

    @GET
    @Path("/new")
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    public Response create() {
        return form(200, null, CampaignForm.blank(pages.session().zone(), Time.now()), FieldErrors.none());
    }

    @POST
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String description, @RestForm String startsAt,
            @RestForm String endsAt, @RestForm("content") List<String> contentIds,
            @RestForm("groups") List<String> groupIds, @RestForm String goalMetric, @RestForm String goalTarget,
            @RestForm String reward, @RestForm String bonusPoints, @RestForm String announce) {
        CampaignForm form = typed(name, description, startsAt, endsAt, contentIds, groupIds, goalMetric, goalTarget,
                reward, bonusPoints, announce);
        FieldErrors errors = FieldErrors.none();
        CreateCampaign request = form.toCreate(pages.session().zone(), errors);
        FieldErrors.fieldsOf(validator.validate(request)).forEach(field -> refused(errors, field));
        if (errors.any()) {
            return form(400, null, form, errors);
        }
        try {
            CampaignView created = campaigns.create(request, caller.id());
            return WebPages.seeOther("/admin/campaigns/" + created.id() + "?done=created");
        } catch (ProblemException e) {
            return form(400, null, form, refusal(e));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@RestPath UUID id, @RestQuery String metric, @RestQuery String done) {
        Optional<Live> live = figures(id, metric);
        if (live.isEmpty()) {
            return notFound();
        }
        CampaignView campaign = live.get().campaign();
        Actor reader = new Actor(caller.id(), true);
        List<ContentView> items = new ArrayList<>();
        for (UUID contentId : campaign.contentIds()) {
            items.add(content.get(contentId, reader));
        }
        Map<UUID, String> names = AdminGroups.names(AdminGroups.all(groups));
        List<String> targeted = campaign.targetGroupIds().stream().map(names::get).toList();
        return pages.page(Templates.detail(pages.session(), "/admin/campaigns/" + id, live.get(), items, targeted,
                Metric.NAMES, done));
    }

    /** The part of a campaign's page that htmx polls: its goal, participants and leaderboard as they are now. */
    @GET
    @Path("/{id}/live")
    public Response live(@RestPath UUID id, @RestQuery String metric) {
        return figures(id, metric).map(l -> pages.page(Templates.detail$live(l))).orElseGet(this::notFound);
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    public Response edit(@RestPath UUID id) {
        return find(id).map(c -> form(200, c, CampaignForm.of(c, pages.session().zone()), FieldErrors.none()))
                .orElseGet(this::notFound);
    }

    @POST
    @Path("/{id}")
    @RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath UUID id, @RestForm String name, @RestForm String description,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm("content") List<String> contentIds,
            @RestForm("groups") List<String> groupIds, @RestForm String goalMetric, @RestForm String goalTarget,
            @RestForm String reward, @RestForm String bonusPoints, @RestForm String announce) {
        Optional<CampaignView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        CampaignForm form = typed(name, description, startsAt, endsAt, contentIds, groupIds, goalMetric, goalTarget,
                reward, bonusPoints, announce);
        FieldErrors errors = FieldErrors.none();
        UpdateCampaign request = form.toUpdate(current.get(), pages.session().zone(), errors);
        FieldErrors.fieldsOf(validator.validate(request)).forEach(field -> refused(errors, field));
        if (errors.any()) {
            return form(400, current.get(), form, errors);
        }
        try {
            campaigns.update(id, request, caller.id());
        } catch (ProblemException e) {
            return form(400, current.get(), form, refusal(e));
        }
        return WebPages.seeOther("/admin/campaigns/" + id + "?done=saved");
    }

    private Optional<Live> figures(UUID id, String metric) {
        Metric ranked = Formats.choice(metric, Metric::of).orElse(Metric.POINTS);
        Optional<CampaignView> campaign = find(id);
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        CampaignLeaderboard board = campaigns.leaderboard(id, ranked, LeaderboardPage.TOP, caller.id());
        long participants = campaigns.participants(List.of(id)).getOrDefault(id, 0L);
        return Optional.of(new Live(campaign.get(), participants, ranked.id(), LeaderboardPage.lines(board.entries()),
                Time.now()));
    }

    /**
     * The form; {@code campaign} is the one edited (null for a new one). It offers the latest published content and
     * whatever the campaign already has, even if it is no longer published.
     */
    private Response form(int status, CampaignView campaign, CampaignForm form, FieldErrors errors) {
        Actor reader = new Actor(caller.id(), true);
        List<ContentView> choices = new ArrayList<>(listings
                .list(new ContentFilter(Optional.of(ContentStatus.PUBLISHED), Optional.empty(), Optional.empty()),
                        PageRequest.of(String.valueOf(CHOICES), null, 2))
                .items());
        for (String chosen : form.contentIds()) {
            if (choices.stream().noneMatch(c -> c.id().toString().equals(chosen))) {
                Formats.choice(chosen, UUID::fromString).flatMap(id -> {
                    try {
                        return Optional.of(content.get(id, reader));
                    } catch (ProblemException e) {
                        return Optional.empty();
                    }
                }).ifPresent(c -> choices.add(0, c));
            }
        }
        return pages.page(status, Templates.form(pages.session(), campaign, form, choices, AdminGroups.all(groups),
                Metric.NAMES, errors));
    }

    /** A field the request's own checks refused: the two halves of the goal show as its target. */
    private static void refused(FieldErrors errors, String field) {
        String shown = field.equals("goal") ? "goalTarget" : field;
        errors.add(shown, shown, "");
    }

    /** The fields the service refused (an unknown content item or group, an end before the start). */
    private static FieldErrors refusal(ProblemException e) {
        FieldErrors errors = FieldErrors.none();
        List<Problem.Violation> violations = e.toProblem(null).violations();
        if (violations == null || violations.isEmpty()) {
            throw e;
        }
        violations.forEach(v -> refused(errors, v.field().replaceAll("[\\[.].*", "")));
        return errors;
    }

    private Optional<CampaignView> find(UUID id) {
        try {
            return Optional.of(campaigns.get(id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private Response notFound() {
        return AdminErrors.notFound(pages.session().locale());
    }

    private static CampaignForm typed(String name, String description, String startsAt, String endsAt,
            List<String> contentIds, List<String> groupIds, String goalMetric, String goalTarget, String reward,
            String bonusPoints, String announce) {
        return new CampaignForm(CampaignForm.orEmpty(name), CampaignForm.orEmpty(description),
                CampaignForm.orEmpty(startsAt), CampaignForm.orEmpty(endsAt),
                contentIds == null ? null : new LinkedHashSet<>(contentIds),
                groupIds == null ? null : new LinkedHashSet<>(groupIds), CampaignForm.orEmpty(goalMetric),
                CampaignForm.orEmpty(goalTarget), CampaignForm.orEmpty(reward), CampaignForm.orEmpty(bonusPoints),
                CampaignForm.orEmpty(announce));
    }
}
