package io.chorus.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.content.ContentStatus;
import io.chorus.mail.MailViews.BroadcastCreated;
import io.chorus.mail.MailViews.BroadcastView;
import io.chorus.mail.MailViews.CreateBroadcast;

/**
 * Broadcasts: one published item mailed now to every active ambassador it targets who takes broadcasts, with a short
 * note — a one-item letter with the same one-click share buttons as the digest. The broadcast and all its mails are one
 * transaction; the senders then deliver them within the organization's rate limit.
 */
@ApplicationScoped
public class BroadcastService {

    private final LetterMaker letters;
    private final Outbox outbox;
    private final Tenants tenants;
    private final EntityManager em;
    private final Audit audit;

    @Inject
    public BroadcastService(LetterMaker letters, Outbox outbox, Tenants tenants, EntityManager em, Audit audit) {
        this.letters = letters;
        this.outbox = outbox;
        this.tenants = tenants;
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public BroadcastCreated create(CreateBroadcast request, UUID actor) {
        Instant now = Time.now();
        Content content = Content.findByIdOptional(request.contentId())
                .orElseThrow(() -> ProblemException.notFound("This content"));
        ContentStatus status = content.statusAt(now);
        if (status != ContentStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published",
                    "This content is " + status.id() + "; only published content can be broadcast.");
        }
        UUID organization = tenants.current();
        LetterContext context = letters.context(organization, now);
        List<Candidate> items = letters.candidates(context, " and c.id = :content", Map.of("content", content.id));
        List<Recipient> members = letters.recipients(organization, " and m.email_broadcasts", Map.of());
        Broadcast broadcast = new Broadcast();
        broadcast.id = UUID.randomUUID();
        broadcast.contentId = content.id;
        broadcast.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        broadcast.createdBy = actor;
        broadcast.createdAt = now;
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient member : members) {
            if (items.get(0).visibleTo(member)) {
                mails.add(letters.letter(context, member, MailKind.BROADCAST,
                        "broadcast:" + broadcast.id + ":" + member.id(), items, broadcast.note, null, null,
                        broadcast.id));
            }
        }
        broadcast.recipients = mails.size();
        broadcast.persistAndFlush();
        outbox.queue(mails);
        audit.record(actor, "broadcast.sent", "content", content.id,
                Map.of("broadcastId", broadcast.id.toString(), "recipients", mails.size()));
        return new BroadcastCreated(broadcast.id, broadcast.recipients);
    }

    @Transactional
    public BroadcastView get(UUID id) {
        Broadcast broadcast = Broadcast.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("This broadcast"));
        return views(List.of(broadcast)).get(0);
    }

    @Transactional
    public Page<BroadcastView> list(PageRequest page) {
        Page<Broadcast> broadcasts = Page.of(Broadcast.findPage(page), page, b -> Cursor.of(b.createdAt, b.id));
        List<BroadcastView> views = views(broadcasts.items());
        return new Page<>(views, broadcasts.nextCursor());
    }

    /** The broadcasts with their item's title and their mails counted by state, those deleted since included. */
    @SuppressWarnings("unchecked")
    private List<BroadcastView> views(List<Broadcast> broadcasts) {
        if (broadcasts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = broadcasts.stream().map(b -> b.id).toList();
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        List<Object[]> rows = em
                .createNativeQuery("select broadcast_id, status, count(*) from mail_outbox"
                        + " where organization_id = :org and broadcast_id in (:ids) group by broadcast_id, status")
                .setParameter("org", tenants.current()).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((UUID) row[0], k -> new HashMap<>()).put((String) row[1],
                    ((Number) row[2]).longValue());
        }
        Map<UUID, String> titles = new HashMap<>();
        Content.<Content> list("id in ?1", broadcasts.stream().map(b -> b.contentId).toList())
                .forEach(c -> titles.put(c.id, c.title));
        return broadcasts.stream().map(b -> {
            Map<String, Long> n = counts.getOrDefault(b.id, Map.of());
            return new BroadcastView(b.id, b.contentId, titles.get(b.contentId), b.note, b.recipients,
                    n.getOrDefault("queued", 0L) + n.getOrDefault("sending", 0L),
                    n.getOrDefault("sent", 0L) + b.sentDeleted, n.getOrDefault("failed", 0L) + b.failedDeleted,
                    n.getOrDefault("cancelled", 0L) + b.cancelledDeleted, b.createdBy, b.createdAt);
        }).toList();
    }
}
