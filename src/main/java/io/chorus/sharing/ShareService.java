package io.chorus.sharing;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.content.ContentService;
import io.chorus.content.ContentStatus;
import io.chorus.content.MessageLimits;
import io.chorus.content.Network;
import io.chorus.content.OrganizationSettings;
import io.chorus.sharing.SharingViews.ShareView;

/**
 * Shares: one per member, content item and network. Asking again answers the existing share and changes nothing; the
 * message recorded is exactly what was handed to the network.
 */
@ApplicationScoped
public class ShareService {

    /** A share and whether this request created it (201) or found it (200). */
    public record Outcome(ShareView share, boolean created) {
    }

    private final EntityManager em;
    private final Tenants tenants;
    private final ChorusConfig config;

    @Inject
    public ShareService(EntityManager em, Tenants tenants, ChorusConfig config) {
        this.em = em;
        this.tenants = tenants;
        this.config = config;
    }

    @Transactional
    public Outcome share(UUID contentId, Network network, String requestedMessage, UUID memberId, boolean curates) {
        Instant now = Time.now();
        Content content = Content.findByIdOptional(contentId)
                .filter(c -> curates || c.authorId.equals(memberId) || ContentService.visibleTo(c, memberId, now))
                .orElseThrow(() -> ProblemException.notFound("This content"));
        ContentStatus status = content.statusAt(now);
        if (status != ContentStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published",
                    "This content is " + status.id() + "; only published content can be shared.");
        }
        var existing = Share.findExisting(memberId, contentId, network);
        if (existing.isPresent()) {
            return new Outcome(view(existing.get(), content), false);
        }
        String message = message(content, network, requestedMessage);
        MessageLimits.check("message", network, message);
        UUID id = UUID.randomUUID();
        int inserted = 0;
        for (int attempt = 0; inserted == 0 && attempt < 3; attempt++) {
            inserted = em.createNativeQuery("""
                    insert into shares (id, organization_id, content_id, member_id, network, code, message, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    on conflict (organization_id, member_id, content_id, network) do nothing""").setParameter(1, id)
                    .setParameter(2, tenants.current()).setParameter(3, contentId).setParameter(4, memberId)
                    .setParameter(5, network.id()).setParameter(6, ShareCodes.next()).setParameter(7, message)
                    .setParameter(8, now).executeUpdate();
            if (inserted == 0) {
                // A concurrent request created it first: answer that one.
                Share raced = Share.findExisting(memberId, contentId, network).orElse(null);
                if (raced != null) {
                    return new Outcome(view(raced, content), false);
                }
            }
        }
        Share share = Share.findByIdOptional(id).orElseThrow();
        return new Outcome(view(share, content), true);
    }

    @Transactional
    public Page<ShareView> mine(UUID memberId, PageRequest page) {
        Page<Share> shares = Page.of(Share.findByMember(memberId, page), page, s -> Cursor.of(s.createdAt, s.id));
        var contents = Content.<Content> list("id in ?1", shares.items().stream().map(s -> s.contentId).toList())
                .stream().collect(java.util.stream.Collectors.toMap(c -> c.id, c -> c));
        return shares.map(s -> view(s, contents.get(s.contentId)));
    }

    /** The ambassador's own words, else the suggested message, else the title; then the disclosure. */
    private String message(Content content, Network network, String requested) {
        String message = requested != null && !requested.isBlank() ? requested.strip()
                : content.suggestedMessages.getOrDefault(network.id(), content.title);
        OrganizationSettings settings = OrganizationSettings.findById(tenants.current());
        String disclosure = settings == null ? null : settings.disclosure;
        if (disclosure != null && !disclosure.isBlank() && !message.contains(disclosure)) {
            message = message + "\n\n" + disclosure;
        }
        return message;
    }

    ShareView view(Share share, Content content) {
        String shortUrl = shortUrl(share.code);
        return new ShareView(share.id, share.code, shortUrl,
                IntentUrls.of(share.network, shortUrl, share.message, content.title), share.network, share.contentId,
                share.message, share.createdAt);
    }

    String shortUrl(String code) {
        return config.url("/s/" + code);
    }
}
