package io.chorus.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.content.ContentViews.Moderation;
import io.chorus.content.ContentViews.Person;
import io.chorus.content.ContentViews.QueueItem;
import io.chorus.tenancy.Member;

/**
 * The curators' lists of the organization's content: all of it by filter, an ambassador's own submissions, the
 * moderation queue and its latest decisions, counts by status and the topics in use; and how an item is shown in them
 * (with its targets and author), which {@link ContentService} shows the items it changes with too.
 */
@ApplicationScoped
public class ContentListings {

    private final Tenants tenants;

    @Inject
    public ContentListings(Tenants tenants) {
        this.tenants = tenants;
    }

    @Transactional
    public Page<ContentView> list(ContentFilter filter, PageRequest page) {
        Instant now = Time.now();
        List<Content> rows = Content.findPage(filter, page, now);
        Page<Content> result = Page.of(rows, page, c -> Cursor.of(c.createdAt, c.id));
        return views(result, now);
    }

    /** The caller's own submissions, newest first. */
    @Transactional
    public Page<ContentView> submissions(UUID author, PageRequest page) {
        Instant now = Time.now();
        List<Content> rows = Content.findByAuthor(author, page);
        return views(Page.of(rows, page, c -> Cursor.of(c.createdAt, c.id)), now);
    }

    /** Pending submissions, oldest first, with who submitted them. */
    @Transactional
    public Page<QueueItem> queue(PageRequest page) {
        Page<Content> pending = Page.of(Content.findPending(page), page, c -> Cursor.of(c.createdAt, c.id));
        Map<UUID, Person> submitters = people(pending.items().stream().map(c -> c.authorId).toList());
        return pending.map(c -> new QueueItem(c.id, c.title, c.url, c.body, c.imageUrl, c.language,
                Arrays.asList(c.topics), c.suggestedMessages, submitters.get(c.authorId), c.createdAt));
    }

    /** The latest moderation decisions, with who submitted each item. */
    @Transactional
    public List<ContentView> recentDecisions(int limit) {
        return views(new Page<>(Content.findRecentlyDecided(limit), null), Time.now()).items();
    }

    /** How many items have each of these statuses now. */
    @Transactional
    public Map<ContentStatus, Long> counts(Collection<ContentStatus> statuses) {
        Instant now = Time.now();
        Map<ContentStatus, Long> counts = new LinkedHashMap<>();
        statuses.forEach(status -> counts.put(status, Content.countWithStatus(status, now)));
        return counts;
    }

    /** The organization's topics with how many items (not archived) carry each, most used first. */
    @Transactional
    public Page<ContentViews.TopicCount> topics(Actor actor, PageRequest page) {
        List<ContentViews.TopicCount> rows = Content.topicCounts(tenants.current(),
                actor.curates() ? Optional.empty() : Optional.of(actor.id()), page);
        return Page.of(rows, page, t -> Cursor.of(t.count(), t.topic()));
    }

    static Page<ContentView> views(Page<Content> page, Instant now) {
        Map<UUID, List<UUID>> targets = ContentTarget.groupIdsOf(page.items().stream().map(c -> c.id).toList());
        Map<UUID, Person> authors = people(page.items().stream().map(c -> c.authorId).toList());
        return page.map(c -> view(c, targets.getOrDefault(c.id, List.of()), authors.get(c.authorId), now));
    }

    static ContentView view(Content c, List<UUID> targets, Person author, Instant now) {
        boolean submission = c.decidedAt != null || c.status == ContentStatus.PENDING_REVIEW
                || c.status == ContentStatus.REJECTED;
        Moderation moderation = c.decidedAt == null ? null : new Moderation(c.decidedBy, c.decidedAt, c.decisionReason);
        return new ContentView(c.id, c.title, c.url, c.body, c.imageUrl, c.language, Arrays.asList(c.topics), targets,
                c.suggestedMessages, c.statusAt(now), c.publishAt, c.expiresAt, c.publishedAt, author, submission,
                moderation, c.createdAt, c.updatedAt, c.alternativeMessages, c.variants, c.disclosure);
    }

    static Map<UUID, Person> people(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Member.<Member> list("id in ?1", new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(m -> m.id, m -> new Person(m.id, m.name), (a, b) -> a));
    }
}
