package io.chorus.content;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.chorus.common.problem.ProblemException;

/** The one place that decides which status changes are legal and what they do. */
final class ContentLifecycle {

    private static final Set<ContentStatus> ARCHIVABLE = Set.of(ContentStatus.SCHEDULED, ContentStatus.PUBLISHED,
            ContentStatus.EXPIRED);

    private ContentLifecycle() {
    }

    /** draft → published, or scheduled when publishAt is in the future. */
    static void publish(Content content, Instant now) {
        require(content, now, "published", ContentStatus.DRAFT);
        goLive(content, now);
    }

    /** pending_review → published or scheduled, recording the decision. */
    static void approve(Content content, Instant now, UUID curator) {
        require(content, now, "approved", ContentStatus.PENDING_REVIEW);
        goLive(content, now);
        decide(content, now, curator, null);
    }

    /** pending_review → rejected, with the reason its author will read. */
    static void reject(Content content, Instant now, UUID curator, String reason) {
        require(content, now, "rejected", ContentStatus.PENDING_REVIEW);
        content.status = ContentStatus.REJECTED;
        decide(content, now, curator, reason);
    }

    /** Anything that is or was in the feed → archived. Links already shared keep working. */
    static void archive(Content content, Instant now) {
        ContentStatus current = content.statusAt(now);
        if (!ARCHIVABLE.contains(current)) {
            throw illegal(current, "archived");
        }
        content.status = ContentStatus.ARCHIVED;
    }

    /** Drafts, and an author's own pending submissions, may be deleted; nothing else. */
    static void requireDeletable(Content content, Instant now, boolean byAuthor) {
        ContentStatus current = content.statusAt(now);
        boolean deletable = current == ContentStatus.DRAFT || (current == ContentStatus.PENDING_REVIEW && byAuthor);
        if (!deletable) {
            throw illegal(current, "deleted");
        }
    }

    /** Archived content is kept as it was shared. */
    static void requireEditable(Content content, Instant now) {
        if (content.statusAt(now) == ContentStatus.ARCHIVED) {
            throw illegal(ContentStatus.ARCHIVED, "edited");
        }
    }

    /** Where a scheduled item enters the feed once its publishAt changes. */
    static void reschedule(Content content, Instant now) {
        if (content.status == ContentStatus.SCHEDULED) {
            goLive(content, now);
        }
    }

    /**
     * Expired content whose end is moved into the future (or removed) is published again — whether or not the clock had
     * already stored "expired", so the outcome never depends on timing.
     */
    static void reopen(Content content, Instant now) {
        if (content.status == ContentStatus.EXPIRED && (content.expiresAt == null || content.expiresAt.isAfter(now))) {
            content.status = ContentStatus.PUBLISHED;
        }
    }

    private static void goLive(Content content, Instant now) {
        if (content.expiresAt != null && !content.expiresAt.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "has already passed");
        }
        if (content.publishAt != null && content.publishAt.isAfter(now)) {
            content.status = ContentStatus.SCHEDULED;
            content.publishedAt = content.publishAt;
        } else {
            content.status = ContentStatus.PUBLISHED;
            content.publishedAt = now;
        }
    }

    private static void decide(Content content, Instant now, UUID curator, String reason) {
        content.decidedBy = curator;
        content.decidedAt = now;
        content.decisionReason = reason;
    }

    private static void require(Content content, Instant now, String verb, ContentStatus expected) {
        ContentStatus current = content.statusAt(now);
        if (current != expected) {
            throw illegal(current, verb);
        }
    }

    private static ProblemException illegal(ContentStatus current, String verb) {
        return new ProblemException(409, "illegal-transition", "Illegal status change",
                "This content is " + current.id() + "; it cannot be " + verb + ".");
    }
}
