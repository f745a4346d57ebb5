package io.chorus.sharing;

import static io.chorus.common.persistence.Columns.number;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.content.ContentService;
import io.chorus.content.ContentStatus;
import io.chorus.content.MessageLimits;
import io.chorus.content.Network;
import io.chorus.content.OrganizationSettings;
import io.chorus.content.Voices;
import io.chorus.conversions.ConversionTotals;
import io.chorus.sharing.SharingViews.MyShare;
import io.chorus.sharing.SharingViews.ShareView;
import io.chorus.sharing.SharingViews.ShareWithClicks;
import io.chorus.sharing.clicks.Visitor;
import io.chorus.sharing.clicks.VisitorIds;
import io.chorus.tenancy.Member;

/**
 * Shares: one per member, content item and network. Asking again answers the existing share and changes nothing; the
 * message recorded is exactly what was handed to the network.
 */
@ApplicationScoped
public class ShareService {

    /**
     * What a share's clicks count, as four columns of an aggregate over {@code click_events}: human clicks (the
     * sharer's own excluded), the distinct visitors among them, robot hits, and the sharer's own clicks.
     */
    public static final String CLICK_COUNTS = """
            count(*) filter (where not robot and not self),
            count(distinct visitor_id) filter (where not robot and not self),
            count(*) filter (where robot), count(*) filter (where self and not robot)""";

    /** The problem type of a share on a network the organization does not share on (its sharing settings). */
    public static final String NETWORK_NOT_ALLOWED = "network-not-allowed";

    /** A share and whether this request created it (201) or found it (200). */
    public record Outcome(ShareView share, boolean created) {
    }

    private final EntityManager em;
    private final DataSource database;
    private final Tenants tenants;
    private final ChorusConfig config;
    private final VisitorIds visitorIds;
    private final Event<ShareCreated> created;
    private final CharterCheck charters;
    private final ShareRules rules;

    @Inject
    public ShareService(EntityManager em, DataSource database, Tenants tenants, ChorusConfig config,
            VisitorIds visitorIds, Event<ShareCreated> created, CharterCheck charters, ShareRules rules) {
        this.em = em;
        this.database = database;
        this.tenants = tenants;
        this.config = config;
        this.visitorIds = visitorIds;
        this.created = created;
        this.charters = charters;
        this.rules = rules;
    }

    @Transactional
    public Outcome share(UUID contentId, Network network, String requestedMessage, UUID memberId, boolean curates,
            Visitor sharer) {
        Instant now = Time.now();
        Content content = Content.findByIdOptional(contentId)
                .filter(c -> curates || c.authorId.equals(memberId) || ContentService.visibleTo(c, memberId, now))
                .orElseThrow(() -> ProblemException.notFound("This content"));
        ContentStatus status = content.statusAt(now);
        if (status != ContentStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published",
                    "This content is " + status.id() + "; only published content can be shared.");
        }
        rememberSharer(memberId, sharer);
        var existing = Share.findExisting(memberId, contentId, network);
        if (existing.isPresent()) {
            return new Outcome(view(existing.get(), content), false);
        }
        OrganizationSettings settings = OrganizationSettings.findById(tenants.current());
        if (settings != null && !settings.allowedNetworks().contains(network)) {
            throw new ProblemException(422, NETWORK_NOT_ALLOWED, "Network not shared on",
                    "The organization does not share on " + network.id() + ".");
        }
        charters.requireAccepted(memberId);
        Member member = Member.<Member> findByIdOptional(memberId).orElseThrow();
        Voices.Shown shown = content.texts().shownTo(member.language, member.seat);
        Voices.Offer offer = shown.offer(network);
        boolean edited = requestedMessage != null && !requestedMessage.isBlank()
                && !requestedMessage.strip().equals(offer.text());
        String disclosure = OrganizationSettings.disclosureOf(content, settings);
        String message = message(offer.text(), edited ? requestedMessage : null, settings, disclosure);
        MessageLimits.check("message", network, message, disclosure);
        try {
            rules.check(memberId, settings, now);
        } catch (ProblemException refused) {
            // A parallel request for this very share may have made it while this one waited for the member's turn.
            Optional<Share> raced = Share.findExisting(memberId, contentId, network);
            if (raced.isPresent()) {
                return new Outcome(view(raced.get(), content), false);
            }
            throw refused;
        }
        UUID id = UUID.randomUUID();
        int inserted = 0;
        for (int attempt = 0; inserted == 0 && attempt < 3; attempt++) {
            inserted = em.createNativeQuery("""
                    insert into shares (id, organization_id, content_id, member_id, network, code, message, created_at,
                                        language, message_index, edited)
                    select ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as text), cast(?10 as integer), ?11
                    where not exists (select 1 from shares where code = ?6) -- codes name one share everywhere
                    on conflict (organization_id, member_id, content_id, network) do nothing""").setParameter(1, id)
                    .setParameter(2, tenants.current()).setParameter(3, contentId).setParameter(4, memberId)
                    .setParameter(5, network.id()).setParameter(6, ShareCodes.next()).setParameter(7, message)
                    .setParameter(8, now).setParameter(9, shown.language()).setParameter(10, offer.index())
                    .setParameter(11, edited).executeUpdate();
            if (inserted == 0) {
                // A concurrent request created it first: answer that one (else the code was taken: another one).
                Share raced = Share.findExisting(memberId, contentId, network).orElse(null);
                if (raced != null) {
                    return new Outcome(view(raced, content), false);
                }
            }
        }
        Share share = Share.findByIdOptional(id).orElseThrow();
        created.fire(new ShareCreated(share.id, tenants.current(), memberId, contentId, network, now));
        return new Outcome(view(share, content), true);
    }

    /**
     * One statement with its items' titles, no transaction (reads need none): apps ask for this on a screen of its own.
     */
    public Page<ShareView> mine(UUID memberId, PageRequest page) {
        return titled(memberId, page).map(Titled::view);
    }

    /**
     * The member's shares as {@link #mine} pages them, each with its content's title and its clicks and conversions
     * counted as {@link #get} counts them: three statements whatever the page's size (the shares with their titles, and
     * one aggregate each over the clicks and the conversions of the page's shares).
     */
    public Page<MyShare> mineWithClicks(UUID memberId, PageRequest page) {
        Page<Titled> shares = titled(memberId, page);
        Map<UUID, Object[]> counts = new HashMap<>();
        Map<UUID, ConversionTotals> conversions = new HashMap<>();
        if (!shares.items().isEmpty()) {
            UUID[] ids = shares.items().stream().map(s -> s.view().id()).toArray(UUID[]::new);
            List<Object[]> rows = Jdbc.rows(database,
                    "select share_id, " + CLICK_COUNTS
                            + " from click_events where organization_id = ? and share_id = any(?) group by share_id",
                    tenants.current(), ids);
            rows.forEach(row -> counts.put((UUID) row[0], row));
            conversions.putAll(ConversionTotals.ofShares(database, tenants.current(), ids));
        }
        Object[] none = { null, 0L, 0L, 0L, 0L };
        return shares.map(s -> {
            Object[] c = counts.getOrDefault(s.view().id(), none);
            ConversionTotals converted = conversions.getOrDefault(s.view().id(), ConversionTotals.NONE);
            return new MyShare(s.view(), s.title(), number(c[1]), number(c[2]), number(c[3]), number(c[4]),
                    converted.conversions(), converted.conversionValue());
        });
    }

    private record Titled(ShareView view, String title) {
    }

    private Page<Titled> titled(UUID memberId, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.code, s.network, s.content_id, s.message, s.created_at, c.title
                from shares s join content c on c.organization_id = s.organization_id and c.id = s.content_id
                where s.organization_id = ? and s.member_id = ?""");
        List<Object> parameters = new ArrayList<>(List.of(tenants.current(), memberId));
        page.appendNewestFirst(sql, parameters, "s.created_at", "s.id");
        List<Titled> shares = Jdbc.rows(database, sql.toString(), parameters.toArray()).stream()
                .map(r -> new Titled(view((UUID) r[0], (String) r[1], Network.of((String) r[2]), (UUID) r[3],
                        (String) r[4], (Instant) r[5], (String) r[6]), (String) r[6]))
                .toList();
        return Page.of(shares, page, s -> Cursor.of(s.view().createdAt(), s.view().id()));
    }

    /** A share with its clicks; to someone who only shares, another member's share does not exist. */
    @Transactional
    public ShareWithClicks get(UUID shareId, UUID callerId, boolean seesEveryShare) {
        Share share = Share.findByIdOptional(shareId).filter(s -> seesEveryShare || s.memberId.equals(callerId))
                .orElseThrow(() -> ProblemException.notFound("This share"));
        ShareView view = view(share, Content.findById(share.contentId));
        Object[] counts = (Object[]) em
                .createNativeQuery(
                        "select " + CLICK_COUNTS + " from click_events where organization_id = ?1 and share_id = ?2")
                .setParameter(1, tenants.current()).setParameter(2, shareId).getSingleResult();
        ConversionTotals conversions = ConversionTotals.ofShare(database, tenants.current(), shareId);
        return new ShareWithClicks(view.id(), view.code(), view.shortUrl(), view.intentUrl(), view.network(),
                view.contentId(), share.memberId, view.message(), view.createdAt(), number(counts[0]),
                number(counts[1]), number(counts[2]), number(counts[3]), conversions.conversions(),
                conversions.conversionValue(), share.language, share.messageIndex, share.edited);
    }

    /** Clicks from the browser the sharer shares from are their own: its visitor id of today is remembered. */
    private void rememberSharer(UUID memberId, Visitor sharer) {
        LocalDate today = VisitorIds.today();
        em.createNativeQuery("""
                insert into sharer_visitors (organization_id, member_id, visitor_id, seen_on) values (?1, ?2, ?3, ?4)
                on conflict (organization_id, visitor_id, member_id) do update set seen_on = excluded.seen_on""")
                .setParameter(1, tenants.current()).setParameter(2, memberId)
                .setParameter(3, visitorIds.of(today, sharer.clientAddress(), sharer.userAgent()))
                .setParameter(4, today).executeUpdate();
    }

    /**
     * The ambassador's own words, else the message offered to them ({@link Voices}: a suggested message in their
     * language, else the title); words equal to the offered message are the offered message. The disclosure (the item's
     * own, else the organization's) is appended to a suggested message; the ambassador's own words are theirs to keep
     * it or not, unless it is mandatory: then it is appended whenever the message does not already carry it word for
     * word.
     */
    private static String message(String offered, String requested, OrganizationSettings settings, String disclosure) {
        boolean own = requested != null && !requested.isBlank();
        String message = own ? requested.strip() : offered;
        boolean required = !own || settings != null && settings.disclosureMandatory;
        return required ? MessageLimits.withDisclosure(message, disclosure) : message;
    }

    ShareView view(Share share, Content content) {
        return view(share, content.title);
    }

    private ShareView view(Share share, String title) {
        return view(share.id, share.code, share.network, share.contentId, share.message, share.createdAt, title);
    }

    private ShareView view(UUID id, String code, Network network, UUID contentId, String message, Instant createdAt,
            String title) {
        String shortUrl = shortUrl(code);
        return new ShareView(id, code, shortUrl, IntentUrls.of(network, shortUrl, message, title), network, contentId,
                message, createdAt);
    }

    String shortUrl(String code) {
        return config.url("/s/" + code);
    }
}
