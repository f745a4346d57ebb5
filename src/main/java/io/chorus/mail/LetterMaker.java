package io.chorus.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.config.ChorusConfig;
import io.chorus.content.Network;
import io.chorus.content.OrganizationSettings;
import io.chorus.content.Voices;
import io.chorus.mail.Letters.Button;
import io.chorus.mail.Letters.Item;
import io.chorus.mail.Letters.Letter;
import io.chorus.sharing.ShareLinkTokens;
import io.chorus.sharing.SharingConfig;
import io.chorus.tenancy.Organization;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Reads what letters (digests, broadcasts, campaign announcements) are made of — the organization's context, the
 * members they go to, the items they show — and makes each member's mail, with their own one-click share links (the
 * same signed links as {@code GET /api/v1/content/{id}/share-links}, one per network the organization shares on) and
 * unsubscribe link. Native SQL in the current organization's transaction: it names the organization itself.
 */
@ApplicationScoped
public class LetterMaker {

    /** Who letters go to: active ambassadors with an address. */
    static final String RECIPIENTS = """
            select m.id, m.email, m.name, m.language, m.email_digest,
                   array_to_string(array(select g.group_id from group_memberships g where g.member_id = m.id), ','),
                   m.digest_sent_until, m.seat
            from members m
            where m.organization_id = :org and m.status = 'active' and m.erased_at is null and m.email is not null
              and m.roles @> array['ambassador']::varchar[]
            """;

    private static final String CANDIDATES = """
            select c.id, c.title, c.url, c.image_url, cast(c.suggested_messages as text), c.published_at,
                   exists (select 1 from campaign_content cc join campaigns k
                             on k.id = cc.campaign_id and k.organization_id = cc.organization_id
                           where cc.organization_id = c.organization_id and cc.content_id = c.id
                             and k.starts_at <= :now and k.ends_at > :now),
                   c.targets_everyone, array_to_string(c.target_group_ids, ','), array_to_string(c.topics, ','),
                   case when c.variants <> '{}' or c.alternative_messages <> '{}'
                        then json_build_object('variants', c.variants, 'alternatives', c.alternative_messages)::text end
            from content c
            where c.organization_id = :org and c.status in ('published', 'scheduled') and c.published_at <= :now
              and (c.expires_at is null or c.expires_at > :now)
            """;

    private final EntityManager em;
    private final ShareLinkTokens shareLinks;
    private final UnsubscribeTokens unsubscribe;
    private final ChorusConfig chorus;
    private final SharingConfig sharing;
    private final MailConfig config;
    private final ObjectMapper json;
    private final Map<Locale, Map<Network, String>> shareOn = new ConcurrentHashMap<>();
    /** Items' blocks made (a digest's thousands of letters show the same few hundred items). */
    private final Cache<BlockKey, Letters.Block> blocks = Caffeine.newBuilder()
            .maximumWeight(16L << 20).<BlockKey, Letters.Block> weigher(
                    (key, block) -> 2 * (block.html().length() + block.text().length()))
            .expireAfterAccess(Duration.ofHours(1)).build();

    @Inject
    public LetterMaker(EntityManager em, ShareLinkTokens shareLinks, UnsubscribeTokens unsubscribe, ChorusConfig chorus,
            SharingConfig sharing, MailConfig config, ObjectMapper json) {
        this.em = em;
        this.shareLinks = shareLinks;
        this.unsubscribe = unsubscribe;
        this.chorus = chorus;
        this.sharing = sharing;
        this.config = config;
        this.json = json;
    }

    /** The organization's context as of {@code now}. */
    @SuppressWarnings("unchecked")
    public LetterContext context(UUID organizationId, Instant now) {
        Organization organization = Organization.findByIdOptional(organizationId).orElseThrow();
        OrganizationSettings settings = OrganizationSettings.of(organizationId);
        ZoneId zone = ZoneId.of(settings.timeZone == null ? "UTC" : settings.timeZone);
        LocalDate month = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        Map<UUID, Long> points = new HashMap<>();
        Map<UUID, Long> listed = new HashMap<>();
        List<Object[]> rows = em
                .createNativeQuery("select t.member_id, t.points, m.listed from score_totals t"
                        + " join members m on m.id = t.member_id and m.organization_id = t.organization_id"
                        + " where t.organization_id = :org and t.period = 'm' and t.period_start = :month")
                .setParameter("org", organizationId).setParameter("month", month).getResultList();
        for (Object[] row : rows) {
            UUID member = (UUID) row[0];
            long value = ((Number) row[1]).longValue();
            points.put(member, value);
            if ((Boolean) row[2]) {
                listed.put(member, value);
            }
        }
        List<LetterContext.Ending> endings = new ArrayList<>();
        List<Object[]> campaigns = em.createNativeQuery("select c.name, c.ends_at, array_to_string(array(select"
                + " g.group_id from campaign_groups g where g.campaign_id = c.id), ',') from campaigns c"
                + " where c.organization_id = :org and c.starts_at <= :now and c.ends_at > :now and c.ends_at <= :soon"
                + " order by c.ends_at, c.id").setParameter("org", organizationId).setParameter("now", now)
                .setParameter("soon", now.plus(config.digest().campaignsEndingWithin())).getResultList();
        for (Object[] row : campaigns) {
            endings.add(new LetterContext.Ending((String) row[0], instant(row[1]), new HashSet<>(uuids(row[2]))));
        }
        return new LetterContext(organizationId, organization.name, zone, settings.allowedNetworks(), now, points,
                LetterContext.descending(listed), endings);
    }

    /** Active ambassadors matching {@code where} (SQL on members m, may be empty), with its parameters. */
    @SuppressWarnings("unchecked")
    public List<Recipient> recipients(UUID organizationId, String where, Map<String, Object> parameters) {
        var query = em.createNativeQuery(RECIPIENTS + where).setParameter("org", organizationId);
        parameters.forEach(query::setParameter);
        List<Recipient> recipients = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            recipients.add(new Recipient((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], new HashSet<>(uuids(row[5])), row[6] == null ? null : instant(row[6]),
                    ((Number) row[7]).longValue()));
        }
        return recipients;
    }

    /** Items of the organization visible now (published, in their window) matching {@code where} on content c. */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(LetterContext context, String where, Map<String, Object> parameters) {
        var query = em.createNativeQuery(CANDIDATES + where + " order by c.published_at desc, c.id desc")
                .setParameter("org", context.organizationId()).setParameter("now", context.now());
        parameters.forEach(query::setParameter);
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            String topics = (String) row[9];
            candidates.add(new Candidate((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    message((String) row[4], context.networks()), instant(row[5]), (Boolean) row[6], (Boolean) row[7],
                    uuids(row[8]), topics.isEmpty() ? List.of() : List.of(topics.split(",")),
                    texts((UUID) row[0], (String) row[1], (String) row[4], (String) row[10])));
        }
        return candidates;
    }

    /**
     * A member's letter: {@code kind} digest, broadcast or campaign_start; {@code campaign} names the campaign of an
     * announcement (and {@code campaignEndsAt} its end).
     */
    public OutgoingMail letter(LetterContext context, Recipient member, MailKind kind, String dedupeKey,
            List<Candidate> items, String note, String campaign, Instant campaignEndsAt, UUID broadcastId) {
        Locale locale = Letters.locale(member.language());
        Instant linksExpire = context.now().plus(sharing.shareLinkLifetime());
        Map<Network, String> labels = labels(locale, context.networks());
        List<Letters.Block> shown = items.stream().map(c -> {
            String title = c.title();
            String message = c.message();
            if (c.texts() != null) {
                // The member's translation and the message offered to them, as their feed shows it.
                Voices.Shown voice = c.texts().shownTo(member.language(), member.seat());
                title = voice.title();
                message = context.networks().stream().map(n -> voice.offers().get(n.id())).filter(o -> o != null)
                        .map(Voices.Offer::text).findFirst().orElse(null);
            }
            Letters.Block block = blocks.get(
                    new BlockKey(c.id(), title, c.url(), c.imageUrl(), message, locale, context.networks()),
                    key -> Letters.block(new Item(key.title(), key.url(), key.imageUrl(), key.message(),
                            marks(labels, key.networks())), key.locale()));
            return block.withLinks(links(context, member.id(), c.id(), linksExpire));
        }).toList();
        boolean digest = kind == MailKind.DIGEST;
        List<Letters.Ending> endings = !digest ? List.of()
                : context.endings().stream().filter(e -> e.concerns(member))
                        .map(e -> new Letters.Ending(e.name(), Letters.date(e.endsAt(), context.zone(), locale)))
                        .toList();
        String unsubscribeUrl = unsubscribe.url(context.organizationId(), member.id());
        Letter letter = new Letter(kind.id(), context.organization(), member.name(), note, campaign,
                campaignEndsAt == null ? null : Letters.date(campaignEndsAt, context.zone(), locale), shown,
                digest ? context.standing(member.id()) : null, endings, digest ? member.digest() : "programme",
                unsubscribeUrl);
        return new OutgoingMail(context.organizationId(), member.id(), kind, dedupeKey, member.email(),
                Letters.letter(letter, locale), null, unsubscribeUrl, broadcastId, null, null);
    }

    /**
     * The share buttons' words in a language, made once per language and network rather than once per button of every
     * letter (in a digest of thousands of letters, the message lookups were a fifth of the work).
     */
    private Map<Network, String> labels(Locale locale, List<Network> networks) {
        Map<Network, String> known = shareOn.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        for (Network network : networks) {
            known.computeIfAbsent(network, n -> MessageBundles
                    .get(MailMessages.class, Localized.Literal.of(locale.toLanguageTag())).share_on(n.id()));
        }
        return known;
    }

    /** The buttons of a block: one per network, with a mark where its link goes. */
    private static List<Button> marks(Map<Network, String> labels, List<Network> networks) {
        List<Button> buttons = new ArrayList<>(networks.size());
        for (int n = 0; n < networks.size(); n++) {
            buttons.add(new Button(networks.get(n).id(), labels.get(networks.get(n)), Letters.Block.mark(n)));
        }
        return buttons;
    }

    /** The member's one-click share links of an item, one per network, in the order of the networks. */
    private List<String> links(LetterContext context, UUID member, UUID content, Instant expiresAt) {
        List<String> links = new ArrayList<>(context.networks().size());
        for (Network network : context.networks()) {
            links.add(chorus.url("/share/" + shareLinks
                    .sign(new ShareLinkTokens.Claims(context.organizationId(), member, content, network, expiresAt))));
        }
        return links;
    }

    /** What an item's block is made of: the same key, the same block. */
    private record BlockKey(UUID id, String title, String url, String imageUrl, String message, Locale locale,
            List<Network> networks) {
    }

    /** The suggested message shown: the first of the organization's networks that has one. */
    private record Voiced(Map<String, Voices.Variant> variants, Map<String, List<String>> alternatives) {
    }

    /** An item's texts when it has translations or alternative messages (row's JSON of them), else null. */
    private Voices.Texts texts(UUID id, String title, String suggested, String voices) {
        if (voices == null) {
            return null;
        }
        try {
            Voiced voiced = json.readValue(voices, Voiced.class);
            Map<String, String> messages = json.readValue(suggested, new TypeReference<Map<String, String>>() {
            });
            return new Voices.Texts(id, null, title, null, messages, voiced.alternatives(), voiced.variants());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String message(String suggested, List<Network> networks) {
        try {
            Map<String, String> messages = json.readValue(suggested, new TypeReference<Map<String, String>>() {
            });
            for (Network network : networks) {
                String message = messages.get(network.id());
                if (message != null && !message.isBlank()) {
                    return message;
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static List<UUID> uuids(Object joined) {
        String text = (String) joined;
        return text == null || text.isEmpty() ? List.of()
                : Arrays.stream(text.split(",")).map(UUID::fromString).toList();
    }

    static Instant instant(Object value) {
        return value instanceof Instant i ? i
                : value instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    /** A set of ids as a SQL parameter. */
    static Set<UUID> ids(List<Candidate> candidates) {
        Set<UUID> ids = new HashSet<>();
        candidates.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
