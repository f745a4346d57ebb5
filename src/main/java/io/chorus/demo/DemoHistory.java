package io.chorus.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.chorus.analytics.AnalyticsRollup;
import io.chorus.common.Money;
import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.content.ContentClock;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.SuggestedMessages;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.demo.DemoCatalog.Campaign;
import io.chorus.demo.DemoCatalog.Item;
import io.chorus.demo.DemoCatalog.Submission;
import io.chorus.demo.DemoTraffic.Cast;
import io.chorus.demo.DemoTraffic.Event;
import io.chorus.identity.Role;
import io.chorus.scoring.BadgeJobs;
import io.chorus.scoring.CampaignService;
import io.chorus.scoring.CampaignViews.CreateCampaign;
import io.chorus.scoring.CampaignViews.Goal;
import io.chorus.scoring.ScoringService;
import io.chorus.scoring.ScoringViews.AdjustmentRequest;
import io.chorus.scoring.ScoringViews.OrganizationSettingsView;
import io.chorus.sharing.SharingSettingsService;
import io.chorus.sharing.SharingViews.SharingSettings;
import io.chorus.sharing.clicks.ClickRecorder;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.MemberService;
import io.chorus.tenancy.TenancyRequests.InviteMember;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.trust.CharterService;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * A believable quarter of the demo company, written by the services a person would have used, at the time they would
 * have used them: the service's clock is moved to each moment in turn, so that every timestamp, daily cap, badge and
 * campaign window is what it would have been. Clicks go through the click recorder like the redirect's. The analytics
 * rollup is held off meanwhile and then rebuilds the organization from its rows, as for any new organization, so that
 * every figure on the dashboard is the ledger's and the clicks'.
 */
@ApplicationScoped
class DemoHistory {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** The days the quarter covers, today being the last. */
    static final int DAYS = 90;
    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    private final Tenants tenants;
    private final ContentService contents;
    private final CampaignService campaigns;
    private final CharterService charters;
    private final ScoringService scoring;
    private final SharingSettingsService sharing;
    private final MeService me;
    private final MemberService members;
    private final ClickRecorder clicks;
    private final BadgeJobs badges;
    private final AnalyticsRollup rollup;
    private final ContentClock contentClock;
    private final DemoTraffic traffic;

    @Inject
    DemoHistory(Tenants tenants, ContentService contents, CampaignService campaigns, CharterService charters,
            ScoringService scoring, SharingSettingsService sharing, MeService me, MemberService members,
            ClickRecorder clicks, BadgeJobs badges, AnalyticsRollup rollup, ContentClock contentClock,
            DemoTraffic traffic) {
        this.tenants = tenants;
        this.contents = contents;
        this.campaigns = campaigns;
        this.charters = charters;
        this.scoring = scoring;
        this.sharing = sharing;
        this.me = me;
        this.members = members;
        this.clicks = clicks;
        this.badges = badges;
        this.rollup = rollup;
        this.contentClock = contentClock;
        this.traffic = traffic;
    }

    /** Whether the organization has no history yet (a new demo, or one created before the demo had any). */
    boolean missing(UUID organization) {
        return tenants.callAs(organization, () -> Content.count() == 0);
    }

    void write(UUID organization) throws SQLException {
        long started = System.nanoTime();
        Instant end = Time.now();
        ZonedDateTime first = end.atZone(ZONE).toLocalDate().minusDays(DAYS).atStartOfDay(ZONE);
        Cast cast = tenants.callAs(organization, () -> Cast.read(organization));
        List<Event> events = plan(cast, first, end);
        // The services' request-scoped beans (the caller, here nobody) need a request context; at start there is none.
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        Clock clock = Time.clock();
        try {
            rollup.rebuiltAfter(organization, () -> replay(organization, events, first, clock));
        } finally {
            Time.restore(clock);
            if (activated) {
                requests.terminate();
            }
        }
        LOG.infof("Demo history written: %d events over %d days in %d ms", events.size(), DAYS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Everything that happens in the quarter but the shares and clicks, which {@link DemoTraffic} adds. */
    private List<Event> plan(Cast cast, ZonedDateTime first, Instant end) {
        Random random = new Random(20_261_206L);
        List<Event> events = new ArrayList<>();
        UUID admin = cast.admin();
        UUID curator = cast.curator();
        events.add(new Event(at(first, 0, 9, 0), () -> {
            scoring.replaceSettings(new OrganizationSettingsView(ZONE.getId(), ScoringService.DEFAULT_LEVELS,
                    new Money(new BigDecimal("0.85"), "EUR")), admin);
            sharing.replace(new SharingSettings("I work at Demo Company.", false, null, null, null), admin);
            charters.publish(DemoCatalog.CHARTER, admin);
        }));
        List<DemoTraffic.Published> published = new ArrayList<>();
        Map<Campaign, List<UUID>> byCampaign = Map.of(Campaign.LAUNCH, new ArrayList<>(), Campaign.STORIES,
                new ArrayList<>());
        Map<Campaign, Instant> prepared = Map.of(Campaign.LAUNCH, at(first, 19, 16, 0), Campaign.STORIES,
                at(first, 81, 16, 0));
        for (Item item : DemoCatalog.ITEMS) {
            Instant publishedAt = at(first, item.day(), 9, 30 + random.nextInt(90));
            DemoTraffic.Published slot = new DemoTraffic.Published(item, publishedAt, null);
            published.add(slot);
            if (item.campaign() == Campaign.NONE) {
                events.add(new Event(publishedAt, () -> slot.id = publish(item, cast, null, null)));
            } else {
                // A campaign's content is written ahead and scheduled, the day before the campaign is set up.
                events.add(new Event(prepared.get(item.campaign()), () -> {
                    slot.id = publish(item, cast, publishedAt, null);
                    byCampaign.get(item.campaign()).add(slot.id);
                }));
            }
        }
        Item expiring = DemoCatalog.EXPIRING;
        Instant expiringAt = at(first, expiring.day(), 10, 0);
        DemoTraffic.Published expired = new DemoTraffic.Published(expiring, expiringAt,
                expiringAt.plus(Duration.ofDays(14)));
        published.add(expired);
        events.add(new Event(expiringAt, () -> expired.id = publish(expiring, cast, null, expired.expiresAt)));
        events.add(new Event(at(first, DAYS - 1, 11, 0),
                () -> publish(DemoCatalog.SCHEDULED, cast, at(first, DAYS + 2, 9, 0), null)));
        events.add(new Event(at(first, DAYS - 1, 16, 0),
                () -> contents.create(request(DemoCatalog.DRAFT, cast, null, null), new Actor(curator, true))));
        for (Submission submission : DemoCatalog.SUBMISSIONS) {
            submit(events, published, submission, cast, first);
        }
        // The launch: two weeks, a goal reached. The customer stories: running, its goal within reach.
        events.add(
                new Event(at(first, 19, 17, 0),
                        () -> campaigns.create(
                                new CreateCampaign("Atlas 2 launch", "Two weeks to tell our networks about Atlas 2.",
                                        at(first, 20, 0, 0), at(first, 34, 0, 0), byCampaign.get(Campaign.LAUNCH),
                                        List.of(), new Goal("shares", 80), "Breakfast with the product team", 50, null),
                                curator)));
        events.add(new Event(at(first, 81, 17, 0),
                () -> campaigns.create(new CreateCampaign("Customer stories",
                        "Our customers' own words, shared by us: one story every other day.", at(first, 82, 0, 0),
                        at(first, 104, 0, 0), byCampaign.get(Campaign.STORIES), List.of(), new Goal("shares", 120),
                        "A donation to the charity of the participants' choice", 30, null), curator)));
        // A member who prefers not to be ranked, a correction by the admin, and a new colleague yet to accept.
        events.add(
                new Event(at(first, 30, 12, 0), () -> me.update(cast.ambassador(7), new UpdateMe(null, null, false))));
        events.add(new Event(at(first, 35, 15, 0), () -> scoring.adjust(cast.ambassador(5),
                new AdjustmentRequest(20, "Spoke about Atlas 2 at the Lyon meetup"), admin)));
        events.add(new Event(at(first, DAYS - 2, 10, 0),
                () -> members.invite(new InviteMember("nina.nouvelle@demo.example", "Nina Nouvelle",
                        EnumSet.of(Role.AMBASSADOR), List.of(cast.group("Sales"), cast.group("Paris")), "fr"))));
        events.addAll(traffic.plan(cast, published, first, end, random));
        events.removeIf(event -> event.at().isAfter(end));
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** A submission is sent in, then approved or rejected the next morning, or left waiting. */
    private void submit(List<Event> events, List<DemoTraffic.Published> published, Submission submission, Cast cast,
            ZonedDateTime first) {
        Item idea = new Item(submission.day(), submission.title(), DemoCatalog.HOST + submission.path(),
                submission.language(), List.of(submission.topics().split(",")), null, Campaign.NONE, 1.0, null, null);
        UUID author = cast.ambassador(submission.ambassador());
        Instant decided = at(first, submission.day() + 1, 9, 15);
        DemoTraffic.Published approved = new DemoTraffic.Published(idea, decided, null);
        if ("approved".equals(submission.decision())) {
            published.add(approved);
        }
        UUID[] id = new UUID[1];
        events.add(new Event(at(first, submission.day(), 18, 30),
                () -> id[0] = contents.create(request(idea, cast, null, null), new Actor(author, false)).id()));
        if ("approved".equals(submission.decision())) {
            events.add(new Event(decided, () -> approved.id = contents.approve(id[0], cast.curator()).id()));
        } else if ("rejected".equals(submission.decision())) {
            events.add(new Event(decided, () -> contents.reject(id[0], cast.curator(), submission.reason())));
        }
    }

    private UUID publish(Item item, Cast cast, Instant publishAt, Instant expiresAt) {
        UUID id = contents.create(request(item, cast, publishAt, expiresAt), new Actor(cast.curator(), true)).id();
        return contents.publish(id, cast.curator()).id();
    }

    private static CreateContent request(Item item, Cast cast, Instant publishAt, Instant expiresAt) {
        SuggestedMessages messages = item.linkedin() == null ? null
                : new SuggestedMessages(item.linkedin(), item.x(), item.linkedin(), null, item.x(), item.linkedin());
        return new CreateContent(item.title(), item.url(), null, null, item.language(), item.topics(),
                item.audience() == null ? List.of() : List.of(cast.group(item.audience())), messages, publishAt,
                expiresAt, null, null, null);
    }

    /** Runs the events in order, each at its moment and as its organization; the badge jobs as each day ends. */
    private void replay(UUID organization, List<Event> events, ZonedDateTime first, Clock before) {
        LocalDate day = first.toLocalDate();
        for (Event event : events) {
            LocalDate on = event.at().atZone(ZONE).toLocalDate();
            for (; day.isBefore(on); day = day.plusDays(1)) {
                dayEnded(day);
            }
            Time.runFrom(event.at());
            if (event.transaction()) {
                tenants.runAs(organization, event.work());
            } else {
                event.work().run();
            }
        }
        clicks.awaitWritten(Duration.ofSeconds(60));
        Time.restore(before);
        contentClock.tick();
    }

    /**
     * What the scheduled jobs would have done as the day ended: scheduled content published, campaign goals checked
     * once the day's clicks are written, and last month's top 10 when a month begins.
     */
    private void dayEnded(LocalDate day) {
        Time.runFrom(day.plusDays(1).atStartOfDay(ZONE).plusSeconds(5).toInstant());
        clicks.awaitWritten(Duration.ofSeconds(60));
        contentClock.tick();
        badges.campaignGoals();
        if (day.plusDays(1).getDayOfMonth() == 1) {
            badges.monthlyTop10();
        }
    }

    static Instant at(ZonedDateTime first, int day, int hour, int minute) {
        return first.plusDays(day).withHour(hour).plusMinutes(minute).toInstant();
    }
}
