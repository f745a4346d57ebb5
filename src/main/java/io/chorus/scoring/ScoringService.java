package io.chorus.scoring;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Money;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.scoring.PointsLedger.Award;
import io.chorus.scoring.PointsLedger.Awarded;
import io.chorus.scoring.ScoringViews.AdjustmentRequest;
import io.chorus.scoring.ScoringViews.LedgerEntry;
import io.chorus.scoring.ScoringViews.OrganizationSettingsView;
import io.chorus.scoring.ScoringViews.RuleView;
import io.chorus.tenancy.Member;

/**
 * The organization's scoring rules, time zone and levels, and manual adjustments. Every change is audited and applies
 * from that moment on: the ledger keeps what was awarded under the rules of its time.
 */
@ApplicationScoped
public class ScoringService {

    public static final List<Integer> DEFAULT_LEVELS = List.of(0, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);
    private final EntityManager em;
    private final Tenants tenants;
    private final Audit audit;
    private final Scorer scorer;
    private final Standings standings;

    @Inject
    public ScoringService(EntityManager em, Tenants tenants, Audit audit, Scorer scorer, Standings standings) {
        this.em = em;
        this.tenants = tenants;
        this.audit = audit;
        this.scorer = scorer;
        this.standings = standings;
    }

    @Transactional
    public List<RuleView> rules() {
        Map<ScoringAction, RuleView> rules = new EnumMap<>(ScoringAction.class);
        ScoringRule.DEFAULTS.forEach(r -> rules.put(r.action(), new RuleView(r.action(), r.points(), r.dailyCap())));
        List<?> stored = em
                .createNativeQuery("select action, points, daily_cap from scoring_rules where organization_id = ?1")
                .setParameter(1, tenants.current()).getResultList();
        for (Object row : stored) {
            Object[] columns = (Object[]) row;
            ScoringAction action = ScoringAction.of((String) columns[0]);
            rules.put(action, new RuleView(action, ((Number) columns[1]).intValue(),
                    columns[2] == null ? null : ((Number) columns[2]).intValue()));
        }
        return new ArrayList<>(rules.values());
    }

    /** Changes the rules named (the others keep theirs), from now on. */
    @Transactional
    public List<RuleView> replaceRules(List<RuleView> requested, UUID actor) {
        Map<ScoringAction, RuleView> changes = new EnumMap<>(ScoringAction.class);
        for (RuleView rule : requested) {
            if (!rule.action().ruled()) {
                throw ProblemException.invalid("rules", rule.action().id() + " is not governed by a rule");
            }
            if (changes.put(rule.action(), rule) != null) {
                throw ProblemException.invalid("rules", rule.action().id() + " appears twice");
            }
        }
        List<RuleView> before = rules();
        for (RuleView rule : changes.values()) {
            em.createNativeQuery("""
                    insert into scoring_rules (organization_id, action, points, daily_cap, updated_at)
                    values (?1, ?2, ?3, ?4, ?5)
                    on conflict (organization_id, action) do update
                    set points = excluded.points, daily_cap = excluded.daily_cap, updated_at = excluded.updated_at""")
                    .setParameter(1, tenants.current()).setParameter(2, rule.action().id())
                    .setParameter(3, rule.points()).setParameter(4, rule.dailyCap()).setParameter(5, Time.now())
                    .executeUpdate();
        }
        List<RuleView> after = rules();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        audit.record(actor, "scoring.rules.changed", "organization", tenants.current(), detail);
        return after;
    }

    @Transactional
    public OrganizationSettingsView settings() {
        return view(OrganizationSettings.of(tenants.current()));
    }

    /**
     * Changes the time zone, the levels and the cost per click. A new time zone regroups the leaderboards' periods from
     * the ledger (days already capped stay as they were); analytics rebuild their aggregates in it within a rollup.
     */
    @Transactional
    public OrganizationSettingsView replaceSettings(OrganizationSettingsView request, UUID actor) {
        // A zone name both Java and PostgreSQL know: offsets such as "+02:00" are not, since PostgreSQL reads them as
        // POSIX zones (east and west swapped) and days would differ between the awards and a regrouping.
        String name = request.timeZone().strip();
        boolean known = ZoneId.getAvailableZoneIds().contains(name)
                && !em.createNativeQuery("select 1 from pg_timezone_names where name = ?1").setParameter(1, name)
                        .getResultList().isEmpty();
        if (!known) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Europe/Paris");
        }
        ZoneId zone = ZoneId.of(name);
        List<Integer> levels = request.levelThresholds();
        if (levels.get(0) != 0) {
            throw ProblemException.invalid("levelThresholds", "the first level must start at 0 points");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i) <= levels.get(i - 1)) {
                throw ProblemException.invalid("levelThresholds", "must increase strictly");
            }
        }
        Money costPerClick = request.costPerClick() == null ? null : request.costPerClick().checked("costPerClick");
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        OrganizationSettingsView before = view(settings);
        boolean zoneChanged = !zone(settings).equals(zone);
        settings.timeZone = zone.getId();
        settings.levelThresholds = levels.toArray(Integer[]::new);
        settings.costPerClick = costPerClick == null ? null : costPerClick.amount();
        settings.costPerClickCurrency = costPerClick == null ? null : costPerClick.currency();
        settings.updatedAt = Time.now();
        settings.persist();
        if (zoneChanged) {
            em.flush();
            regroup(zone);
            standings.changedOnCommit(tenants.current(), null);
        }
        OrganizationSettingsView after = view(settings);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        audit.record(actor, "settings.organization.changed", "organization", tenants.current(), detail);
        return after;
    }

    /** Rebuilds every period total of the organization from the ledger, in {@code zone}'s calendar. */
    private void regroup(ZoneId zone) {
        em.createNativeQuery("delete from score_totals where organization_id = ?1").setParameter(1, tenants.current())
                .executeUpdate();
        em.createNativeQuery("""
                insert into score_totals (organization_id, period, period_start, member_id, points, shares, clicks,
                                          listed)
                select l.organization_id, p.code,
                       case p.code when 'a' then date '1970-01-01'
                                   else date_trunc(p.unit, (l.at at time zone ?2)::date)::date end,
                       l.member_id, sum(l.points), count(*) filter (where l.action = 'share'),
                       count(*) filter (where l.action = 'click'), bool_or(m.listed)
                from points_ledger l
                join members m on m.organization_id = l.organization_id and m.id = l.member_id
                cross join (values ('w', 'week'), ('m', 'month'), ('q', 'quarter'), ('y', 'year'), ('a', 'year'))
                     p(code, unit)
                where l.organization_id = ?1
                group by 1, 2, 3, 4""").setParameter(1, tenants.current()).setParameter(2, zone.getId())
                .executeUpdate();
    }

    @Transactional
    public LedgerEntry adjust(UUID memberId, AdjustmentRequest request, UUID actor) {
        if (request.points() == 0) {
            throw ProblemException.invalid("points", "must not be 0");
        }
        String reason = Inputs.requireText("reason", request.reason());
        Member member = Member.<Member> findByIdOptional(memberId)
                .orElseThrow(() -> ProblemException.notFound("This member"));
        List<Awarded> written = scorer.award(
                new Award(tenants.current(), member.id, ScoringAction.ADJUSTMENT, "adjustment:" + UUID.randomUUID(),
                        null, null, null, null, Time.now(), request.points(), actor, reason));
        Awarded awarded = written.get(0);
        Object id = em.createNativeQuery("select id from points_ledger where organization_id = ?1 and award_key = ?2")
                .setParameter(1, tenants.current()).setParameter(2, awarded.award().key()).getSingleResult();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("points", request.points());
        detail.put("reason", reason);
        audit.record(actor, "points.adjusted", "member", member.id, detail);
        return new LedgerEntry(((Number) id).longValue(), member.id, ScoringAction.ADJUSTMENT, request.points(), 0,
                null, null, reason, awarded.award().at());
    }

    private static OrganizationSettingsView view(OrganizationSettings settings) {
        return new OrganizationSettingsView(zone(settings).getId(), levels(settings), costPerClick(settings));
    }

    /** What one click is worth to the organization, or null when it set nothing. */
    public static Money costPerClick(OrganizationSettings settings) {
        return settings.costPerClick == null ? null
                : new Money(settings.costPerClick, settings.costPerClickCurrency).normalized();
    }

    static ZoneId zone(OrganizationSettings settings) {
        return PointsLedger.OrganizationScoring.zone(settings.timeZone);
    }

    static List<Integer> levels(OrganizationSettings settings) {
        return settings.levelThresholds == null ? DEFAULT_LEVELS : Arrays.asList(settings.levelThresholds);
    }
}
