package io.chorus.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.content.Network;
import io.chorus.demo.DemoCatalog.Campaign;
import io.chorus.demo.DemoCatalog.Item;
import io.chorus.sharing.ShareService;
import io.chorus.sharing.clicks.ClickRecorder;
import io.chorus.sharing.clicks.ShortLinks;
import io.chorus.sharing.clicks.ShortLinks.ShortLink;
import io.chorus.sharing.clicks.Visitor;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.GroupMembership;
import io.chorus.tenancy.Member;
import io.chorus.trust.CharterService;

/**
 * The shares and clicks of the demo's quarter: who shares what (the champions most, two ambassadors not yet), on which
 * network, when; then the link-preview robots, a few of the sharers' own clicks, and the people who click, from many
 * browsers, most within a day of the share. Seeded, so that every first start tells the same story.
 */
@ApplicationScoped
class DemoTraffic {

    /**
     * Something that happens at a moment of the quarter: as the organization, in a transaction of its own, unless it is
     * a click (handed to the click recorder, as the redirect does).
     */
    record Event(Instant at, Runnable work, boolean transaction) {

        Event(Instant at, Runnable work) {
            this(at, work, true);
        }
    }

    /** An item as it is published: its id once it exists. */
    static final class Published {
        final Item item;
        final Instant at;
        final Instant expiresAt;
        UUID id;

        Published(Item item, Instant at, Instant expiresAt) {
            this.item = item;
            this.at = at;
            this.expiresAt = expiresAt;
        }
    }

    /** An ambassador: their number (ambassadorNN@demo.example), id, groups' names and the browser they share from. */
    record Ambassador(int number, UUID id, Set<String> groups, Visitor browser) {
    }

    /** The demo's people and groups, read back from the database. */
    record Cast(UUID admin, UUID curator, List<Ambassador> ambassadors, Map<String, UUID> groups) {

        static Cast read(UUID organization) {
            Map<String, UUID> groups = new LinkedHashMap<>();
            Map<UUID, String> names = new HashMap<>();
            for (Group group : Group.<Group> listAll()) {
                groups.put(group.name, group.id);
                names.put(group.id, group.name);
            }
            List<Ambassador> ambassadors = new ArrayList<>();
            for (int n = 1; n <= DemoData.AMBASSADORS; n++) {
                Member member = Member.findByEmail(DemoData.email(n)).orElseThrow();
                Set<String> in = GroupMembership.<GroupMembership> list("id.memberId", member.id).stream()
                        .map(m -> names.get(m.id.groupId)).collect(Collectors.toSet());
                ambassadors.add(new Ambassador(n, member.id, in, new Visitor("192.0.2." + n, HUMANS.get(n % 4))));
            }
            return new Cast(Member.findByEmail("admin@demo.example").orElseThrow().id,
                    Member.findByEmail("curator@demo.example").orElseThrow().id, ambassadors, groups);
        }

        UUID ambassador(int number) {
            return ambassadors.get(number - 1).id();
        }

        UUID group(String name) {
            return groups.get(name);
        }
    }

    /** How likely the first twelve are to share an item they see, and how far their posts reach (by number). */
    private static final double[] KEENNESS = { 0, .75, .65, .55, .5, .4, .35, .3, .25, .2, .12, 0, 0 };
    private static final double[] REACH = { 0, 1.6, 1.2, 1.0, 1.4, .9, .8, 1.0, .7, .6, .5, 0, 0 };

    /** The others: champions keen, a long tail, and nearly half who have not shared yet. */
    private static double keenness(int ambassador) {
        if (ambassador < KEENNESS.length) {
            return KEENNESS[ambassador];
        }
        Random random = new Random(ambassador * 7_919L);
        if (DemoData.champion(ambassador)) {
            return .45 + random.nextDouble() * .2;
        }
        return random.nextInt(20) < 9 ? 0 : .02 + random.nextDouble() * .22;
    }

    private static double reach(int ambassador) {
        return ambassador < REACH.length ? REACH[ambassador] : .4 + new Random(ambassador * 104_729L).nextDouble();
    }

    private static final Network[] NETWORKS = { Network.LINKEDIN, Network.LINKEDIN, Network.LINKEDIN, Network.LINKEDIN,
            Network.LINKEDIN, Network.X, Network.X, Network.FACEBOOK, Network.WHATSAPP, Network.XING, Network.EMAIL };
    private static final Map<Network, Double> CLICKS = Map.of(Network.LINKEDIN, 6.0, Network.X, 3.0, Network.FACEBOOK,
            4.0, Network.XING, 2.5, Network.WHATSAPP, 4.0, Network.EMAIL, 2.5);
    private static final Map<Network, String> PREVIEWERS = Map.of(Network.LINKEDIN,
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", Network.X,
            "Twitterbot/1.0", Network.FACEBOOK,
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", Network.XING,
            "XING-contenttabreceiver/2.0", Network.WHATSAPP, "WhatsApp/2.24.22.79 A");
    private static final Map<Network, String> REFERRERS = Map.of(Network.LINKEDIN, "https://www.linkedin.com/",
            Network.X, "https://t.co/", Network.FACEBOOK, "https://l.facebook.com/", Network.XING,
            "https://www.xing.com/");
    private static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
    static final List<String> HUMANS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");

    private final ShareService shares;
    private final ShortLinks links;
    private final ClickRecorder clicks;
    private final CharterService charters;

    @Inject
    DemoTraffic(ShareService shares, ShortLinks links, ClickRecorder clicks, CharterService charters) {
        this.shares = shares;
        this.links = links;
        this.clicks = clicks;
        this.charters = charters;
    }

    /** A share as it is made: its code once it exists, its link once committed. */
    private final class Shared {
        String code;
        ShortLink link;

        ShortLink link() {
            if (link == null) {
                link = links.load(code).orElseThrow();
            }
            return link;
        }
    }

    List<Event> plan(DemoTraffic.Cast cast, List<Published> published, ZonedDateTime first, Instant end,
            Random random) {
        List<Event> events = new ArrayList<>();
        Map<Ambassador, Instant> firstShares = new HashMap<>();
        for (Published item : published) {
            for (Ambassador ambassador : cast.ambassadors()) {
                String audience = item.item.audience();
                double keenness = keenness(ambassador.number()) * item.item.appeal()
                        * (item.item.campaign() == Campaign.NONE ? 1 : 1.3);
                if ((audience == null || ambassador.groups().contains(audience))
                        && random.nextDouble() < Math.min(.95, keenness)) {
                    Instant at = shareTime(item, first, random);
                    if (at.isBefore(end.minus(Duration.ofMinutes(5)))
                            && (item.expiresAt == null || at.isBefore(item.expiresAt))) {
                        share(events, item, ambassador, at, end, random);
                        firstShares.merge(ambassador, at, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
        }
        // Each one accepts the charter (version 1) just before their first share; those who never share, never.
        firstShares.forEach((ambassador, at) -> events
                .add(new Event(at.minus(Duration.ofMinutes(3)), () -> charters.accept(1, ambassador.id()))));
        return events;
    }

    /** Half on the day it is published, within hours; the others one to five days later, in working hours. */
    private static Instant shareTime(Published item, ZonedDateTime first, Random random) {
        if (random.nextBoolean()) {
            return item.at.plus(Duration.ofMinutes(20 + random.nextInt(6 * 60)));
        }
        ZonedDateTime day = item.at.atZone(DemoHistory.ZONE).plusDays(1 + random.nextInt(5));
        return day.withHour(8 + random.nextInt(11)).withMinute(random.nextInt(60)).toInstant();
    }

    private void share(List<Event> events, Published item, Ambassador ambassador, Instant at, Instant end,
            Random random) {
        Network network = NETWORKS[random.nextInt(NETWORKS.length)];
        String message = random.nextInt(5) == 0 ? "Proud of the team! " + item.item.title() : null;
        Shared shared = new Shared();
        events.add(new Event(at, () -> shared.code = shares
                .share(item.id, network, message, ambassador.id(), false, ambassador.browser()).share().code()));
        // The network's preview robot fetches the link at once (an email has none), Slack's sometimes.
        if (PREVIEWERS.containsKey(network)) {
            click(events, shared, at.plusSeconds(2 + random.nextInt(20)),
                    new Visitor("198.18.0.1", PREVIEWERS.get(network)), null);
        }
        if (random.nextInt(4) == 0) {
            click(events, shared, at.plusSeconds(60 + random.nextInt(3_600)), new Visitor("198.18.0.2", SLACK), null);
        }
        // Some sharers check their own link: their own clicks never count.
        if (random.nextInt(7) == 0) {
            click(events, shared, at.plusSeconds(60 + random.nextInt(2_400)), ambassador.browser(), null);
        }
        double mean = CLICKS.get(network) * reach(ambassador.number()) * item.item.appeal()
                * (item.item.campaign() == Campaign.NONE ? 1 : 1.4);
        Visitor last = null;
        for (int n = poisson(mean, random); n > 0; n--) {
            long seconds = (long) Math.min(6 * 86_400, -Math.log(1 - random.nextDouble()) * 9 * 3_600);
            Instant when = at.plusSeconds(60 + seconds);
            // A few come back to the same link: a second click, the same visitor.
            Visitor visitor = last != null && random.nextInt(10) == 0 ? last
                    : new Visitor((random.nextBoolean() ? "198.51.100." : "203.0.113.") + (1 + random.nextInt(254)),
                            HUMANS.get(random.nextInt(HUMANS.size())));
            last = visitor;
            if (when.isBefore(end)) {
                click(events, shared, when, visitor, REFERRERS.get(network));
            }
        }
    }

    private void click(List<Event> events, Shared shared, Instant at, Visitor visitor, String referrer) {
        events.add(new Event(at, () -> clicks.followed(shared.link(), at.toEpochMilli(), visitor.clientAddress(),
                visitor.userAgent(), referrer, null), false));
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
