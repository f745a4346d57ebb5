package io.chorus.scoring;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.ContentUrlChanged;
import io.chorus.scoring.CampaignViews.CampaignLeaderboard;
import io.chorus.scoring.CampaignViews.CampaignView;
import io.chorus.scoring.CampaignViews.CreateCampaign;
import io.chorus.scoring.CampaignViews.Goal;
import io.chorus.scoring.CampaignViews.Progress;
import io.chorus.scoring.CampaignViews.UpdateCampaign;

/**
 * Campaigns: curators create and edit them; their scores come from the ledger (see {@link CampaignScores}), rebuilt
 * when the content or the window changes. Who counts — members of the target groups, or everyone when there are none —
 * is decided when reading, so group changes apply at once.
 */
@ApplicationScoped
public class CampaignService {

    private final EntityManager em;
    private final Tenants tenants;
    private final Audit audit;
    private final Event<ContentUrlChanged> linksChanged;
    private final CampaignStandings standings;

    @Inject
    public CampaignService(EntityManager em, Tenants tenants, Audit audit, Event<ContentUrlChanged> linksChanged,
            CampaignStandings standings) {
        this.standings = standings;
        this.em = em;
        this.tenants = tenants;
        this.audit = audit;
        this.linksChanged = linksChanged;
    }

    @Transactional
    public CampaignView create(CreateCampaign request, UUID actor) {
        window(request.startsAt(), request.endsAt());
        List<UUID> contentIds = known("content", "contentIds", request.contentIds());
        List<UUID> groupIds = known("groups", "targetGroupIds",
                request.targetGroupIds() == null ? List.of() : request.targetGroupIds());
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = request.name().strip();
        campaign.description = blankToNull(request.description());
        campaign.slug = freeSlug(request.name());
        campaign.startsAt = request.startsAt();
        campaign.endsAt = request.endsAt();
        setGoal(campaign, request.goal());
        campaign.reward = blankToNull(request.reward());
        campaign.bonusPoints = request.bonusPoints() == null ? 0 : request.bonusPoints();
        campaign.announce = Boolean.TRUE.equals(request.announce());
        campaign.createdBy = actor;
        campaign.createdAt = Time.now();
        campaign.updatedAt = campaign.createdAt;
        if (!campaign.endsAt.isAfter(campaign.createdAt)) {
            // A campaign of the past, recorded now: nothing starts or ends.
            campaign.startNotedAt = campaign.createdAt;
            campaign.endNotedAt = campaign.createdAt;
        }
        campaign.persistAndFlush();
        replaceLinks(campaign, contentIds, groupIds);
        audit.record(actor, "campaign.created", "campaign", campaign.id, Map.of("name", campaign.name));
        return view(campaign);
    }

    @Transactional
    public CampaignView update(UUID id, UpdateCampaign request, UUID actor) {
        Campaign campaign = find(id);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (request.name() != null) {
            campaign.name = Inputs.requireText("name", request.name());
            changed.put("name", campaign.name);
        }
        if (request.description() != null) {
            campaign.description = blankToNull(request.description().orElse(null));
            changed.put("description", "changed");
        }
        Instant startsAt = request.startsAt() == null ? campaign.startsAt : request.startsAt();
        Instant endsAt = request.endsAt() == null ? campaign.endsAt : request.endsAt();
        window(startsAt, endsAt);
        boolean rescore = !startsAt.equals(campaign.startsAt) || !endsAt.equals(campaign.endsAt);
        if (rescore) {
            changed.put("startsAt", startsAt);
            changed.put("endsAt", endsAt);
        }
        campaign.startsAt = startsAt;
        campaign.endsAt = endsAt;
        Instant now = Time.now();
        if (startsAt.isAfter(now)) {
            campaign.startNotedAt = null; // it starts (again) when its new start comes
        }
        if (endsAt.isAfter(now)) {
            campaign.endNotedAt = null;
        }
        if (request.goal() != null) {
            setGoal(campaign, request.goal().orElse(null));
            changed.put("goal", request.goal().orElse(null));
        }
        if (request.reward() != null) {
            campaign.reward = blankToNull(request.reward().orElse(null));
            changed.put("reward", "changed");
        }
        if (request.bonusPoints() != null) {
            campaign.bonusPoints = request.bonusPoints();
            changed.put("bonusPoints", campaign.bonusPoints);
        }
        if (request.announce() != null && request.announce() != campaign.announce) {
            campaign.announce = request.announce();
            changed.put("announce", campaign.announce);
        }
        List<UUID> contentIds = request.contentIds() == null ? contentIds(id)
                : known("content", "contentIds", request.contentIds());
        List<UUID> groupIds = request.targetGroupIds() == null ? groupIds(id)
                : known("groups", "targetGroupIds", request.targetGroupIds());
        if (request.contentIds() != null) {
            changed.put("contentIds", contentIds);
        }
        if (request.targetGroupIds() != null) {
            changed.put("targetGroupIds", groupIds);
        }
        campaign.updatedAt = Time.now();
        em.flush();
        if (rescore || request.contentIds() != null || request.targetGroupIds() != null) {
            contentIds(id).forEach(content -> linksChanged.fire(new ContentUrlChanged(content)));
            replaceLinks(campaign, contentIds, groupIds);
        }
        audit.record(actor, "campaign.updated", "campaign", id, changed);
        return view(campaign);
    }

    @Transactional
    public CampaignView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public Page<CampaignView> list(Optional<String> status, PageRequest page) {
        StringBuilder where = new StringBuilder("from Campaign c where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        status.ifPresent(s -> {
            params.put("now", Time.now());
            where.append(switch (s) {
                case "upcoming" -> " and c.startsAt > :now";
                case "active" -> " and c.startsAt <= :now and c.endsAt > :now";
                default -> " and c.endsAt <= :now";
            });
        });
        page.cursor().ifPresent(c -> {
            where.append(" and (c.startsAt < :beforeAt or (c.startsAt = :beforeAt and c.id < :beforeId))");
            params.put("beforeAt", PageRequest.instant(c, 0));
            params.put("beforeId", PageRequest.uuid(c, 1));
        });
        List<Campaign> fetched = Campaign.<Campaign> find(where + " order by c.startsAt desc, c.id desc", params)
                .page(0, page.fetchSize()).list();
        return Page.of(fetched, page, c -> Cursor.of(c.startsAt, c.id)).map(this::view);
    }

    @Transactional
    public CampaignLeaderboard leaderboard(UUID id, Metric metric, int limit, UUID me) {
        return standings.leaderboard(find(id), metric, limit, me);
    }

    /** How many members take part in each of these campaigns (see {@link CampaignStandings#participants}). */
    @Transactional
    public Map<UUID, Long> participants(Collection<UUID> campaignIds) {
        return standings.participants(campaignIds);
    }

    private Campaign find(UUID id) {
        return Campaign.<Campaign> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This campaign"));
    }

    private CampaignView view(Campaign c) {
        Goal goal = c.goalMetric == null ? null : new Goal(c.goalMetric, c.goalTarget);
        Progress progress = null;
        if (goal != null) {
            long value = standings.total(c, Metric.of(c.goalMetric));
            int percent = (int) Math.min(100, value * 100 / goal.target());
            progress = new Progress(goal.metric(), value, goal.target(), percent, c.goalReachedAt);
        }
        return new CampaignView(c.id, c.name, c.description, c.slug, c.startsAt, c.endsAt, c.statusAt(Time.now()),
                contentIds(c.id), groupIds(c.id), goal, progress, c.reward, c.bonusPoints, c.announce, c.announcedAt,
                c.createdAt, c.updatedAt);
    }

    private static void setGoal(Campaign campaign, Goal goal) {
        campaign.goalMetric = goal == null ? null : goal.metric();
        campaign.goalTarget = goal == null ? null : goal.target();
    }

    private static void window(Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
    }

    /**
     * The ids as given (duplicates dropped) if all name rows of this organization; 400 naming the first that does not.
     */
    private List<UUID> known(String table, String field, List<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        @SuppressWarnings("unchecked")
        List<UUID> found = em
                .createNativeQuery("select id from " + table + " where organization_id = ?1 and id = any(?2)",
                        UUID.class)
                .setParameter(1, tenants.current()).setParameter(2, wanted.toArray(UUID[]::new)).getResultList();
        for (UUID id : wanted) {
            if (!found.contains(id)) {
                throw ProblemException.invalid(field, "no such item in this organization: " + id);
            }
        }
        return List.copyOf(wanted);
    }

    private void replaceLinks(Campaign campaign, List<UUID> contentIds, List<UUID> groupIds) {
        UUID org = tenants.current();
        em.createNativeQuery("delete from campaign_content where organization_id = ?1 and campaign_id = ?2")
                .setParameter(1, org).setParameter(2, campaign.id).executeUpdate();
        em.createNativeQuery("delete from campaign_groups where organization_id = ?1 and campaign_id = ?2")
                .setParameter(1, org).setParameter(2, campaign.id).executeUpdate();
        em.createNativeQuery("""
                insert into campaign_content (organization_id, campaign_id, content_id)
                select ?1, ?2, unnest(?3)""").setParameter(1, org).setParameter(2, campaign.id)
                .setParameter(3, contentIds.toArray(UUID[]::new)).executeUpdate();
        if (!groupIds.isEmpty()) {
            em.createNativeQuery("""
                    insert into campaign_groups (organization_id, campaign_id, group_id)
                    select ?1, ?2, unnest(?3)""").setParameter(1, org).setParameter(2, campaign.id)
                    .setParameter(3, groupIds.toArray(UUID[]::new)).executeUpdate();
        }
        contentIds.forEach(content -> linksChanged.fire(new ContentUrlChanged(content)));
        em.flush();
        em.unwrap(Session.class).doWork(connection -> CampaignScores.rebuild(connection, org, campaign.id));
    }

    @SuppressWarnings("unchecked")
    private List<UUID> contentIds(UUID campaign) {
        return em
                .createNativeQuery(
                        "select content_id from campaign_content where organization_id = ?1 and campaign_id = ?2"
                                + " order by content_id",
                        UUID.class)
                .setParameter(1, tenants.current()).setParameter(2, campaign).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> groupIds(UUID campaign) {
        return em.createNativeQuery(
                "select group_id from campaign_groups where organization_id = ?1 and campaign_id = ?2 order by group_id",
                UUID.class).setParameter(1, tenants.current()).setParameter(2, campaign).getResultList();
    }

    /** A slug for utm_campaign from the name, made unique in the organization; it never changes afterwards. */
    private String freeSlug(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "campaign" : base.substring(0, Math.min(base.length(), 60)).replaceAll("-+$", "");
        String slug = base;
        for (int n = 2; taken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private boolean taken(String slug) {
        return !em.createNativeQuery("select 1 from campaigns where organization_id = ?1 and slug = ?2")
                .setParameter(1, tenants.current()).setParameter(2, slug).getResultList().isEmpty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
