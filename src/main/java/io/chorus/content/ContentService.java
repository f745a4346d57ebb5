package io.chorus.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.UpdateContent;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.GroupMembership;
import io.chorus.tenancy.Member;

/**
 * Content of the caller's organization: curators create drafts and publish them, ambassadors submit items for review,
 * curators moderate. Who may see what is decided here: to an ambassador, anything that is neither in their feed nor
 * their own submission does not exist. Longer than our rooms usually are: an item's whole lifecycle (create, edit, the
 * transitions and every check they share) is kept together; the lists live in {@link ContentListings}.
 */
@ApplicationScoped
public class ContentService {

    private final Audit audit;
    private final Tenants tenants;
    private final Event<ContentUrlChanged> urlChanged;
    private final Event<SubmissionApproved> approved;
    private final Event<ContentPublished> published;
    private final Event<ContentSubmitted> submitted;

    @Inject
    public ContentService(Audit audit, Tenants tenants, Event<ContentUrlChanged> urlChanged,
            Event<SubmissionApproved> approved, Event<ContentPublished> published, Event<ContentSubmitted> submitted) {
        this.approved = approved;
        this.audit = audit;
        this.tenants = tenants;
        this.urlChanged = urlChanged;
        this.published = published;
        this.submitted = submitted;
    }

    /** Who is acting: their id, and whether they curate (curator or admin) or submit. */
    public record Actor(UUID id, boolean curates) {
    }

    @Transactional
    public ContentView create(CreateContent request, Actor actor) {
        Instant now = Time.now();
        Content content = draft(request, actor, now, texts(!actor.curates()));
        List<UUID> groups = distinct(request.targetGroupIds());
        requireGroupsExist(groups);
        content.targetsEveryone = groups.isEmpty();
        content.persistAndFlush();
        groups.forEach(group -> ContentTarget.of(content.id, group).persist());
        announceIfSubmitted(content, now);
        return view(content, groups, now);
    }

    /**
     * Several items by one actor in one go, each checked as {@link #create} checks it (a refusal refuses them all): the
     * settings and blocklist read once, each set of groups checked once, one flush. Answers their ids, in order; each
     * is made a millisecond (the clock's grain) after the one before, so that lists by creation keep that order.
     */
    @Transactional
    public List<UUID> createAll(List<CreateContent> requests, Actor actor) {
        Instant now = Time.now();
        TextCheck texts = texts(!actor.curates());
        Map<List<UUID>, Boolean> checked = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (CreateContent request : requests) {
            Content content = draft(request, actor, now.plus(ids.size(), ChronoUnit.MILLIS), texts);
            List<UUID> groups = distinct(request.targetGroupIds());
            if (checked.putIfAbsent(groups, true) == null) {
                requireGroupsExist(groups);
            }
            content.targetsEveryone = groups.isEmpty();
            content.persist();
            groups.forEach(group -> ContentTarget.of(content.id, group).persist());
            announceIfSubmitted(content, content.createdAt);
            ids.add(content.id);
        }
        Content.flush();
        return ids;
    }

    /** A new item from a request, its texts and window checked; not persisted yet. */
    private Content draft(CreateContent request, Actor actor, Instant now, TextCheck texts) {
        Content content = new Content();
        content.id = UUID.randomUUID();
        content.title = Inputs.requireText("title", request.title());
        content.url = Inputs.webUrl("url", request.url());
        content.body = blankToNull(request.body());
        content.imageUrl = request.imageUrl() == null || request.imageUrl().isBlank() ? null
                : Inputs.webUrl("imageUrl", request.imageUrl());
        content.language = Inputs.language("language", request.language());
        content.topics = Topics.normalize(request.topics());
        content.suggestedMessages = request.suggestedMessages() == null ? new LinkedHashMap<>()
                : request.suggestedMessages().toMap();
        content.alternativeMessages = request.alternativeMessages() == null ? new LinkedHashMap<>()
                : request.alternativeMessages().toMap();
        content.variants = ContentTexts.variants(request.variants());
        content.publishAt = request.publishAt();
        content.expiresAt = request.expiresAt();
        content.disclosure = blankToNull(request.disclosure());
        content.authorId = actor.id();
        content.status = actor.curates() ? ContentStatus.DRAFT : ContentStatus.PENDING_REVIEW;
        content.createdAt = now;
        content.updatedAt = now;
        texts.check(content);
        checkWindow(content);
        return content;
    }

    private void announceIfSubmitted(Content content, Instant now) {
        if (content.status == ContentStatus.PENDING_REVIEW) {
            submitted.fire(new ContentSubmitted(tenants.current(), content.id, content.authorId, content.title,
                    content.url, now));
        }
    }

    @Transactional
    public ContentView get(UUID id, Actor actor) {
        Content content = readable(id, actor);
        return view(content, targets(content), Time.now());
    }

    /** What the member is shown of an item they may read: the variant of their language, the messages offered. */
    @Transactional
    public Voices.Shown shownTo(UUID id, Actor actor) {
        Content content = readable(id, actor);
        Member member = Member.<Member> findByIdOptional(actor.id()).orElseThrow(ContentService::notFound);
        return content.texts().shownTo(member.language, member.seat);
    }

    @Transactional
    public ContentView update(UUID id, UpdateContent request, Actor actor) {
        Instant now = Time.now();
        Content content = editable(id, actor, now);
        ContentStatus stored = content.status;
        if (request.title() != null) {
            content.title = Inputs.requireText("title", request.title());
        }
        if (request.url() != null) {
            String url = Inputs.webUrl("url", request.url());
            if (!url.equals(content.url)) {
                content.url = url;
                urlChanged.fire(new ContentUrlChanged(content.id));
            }
        }
        if (request.body() != null) {
            content.body = request.body().map(ContentService::blankToNull).orElse(null);
        }
        if (request.imageUrl() != null) {
            content.imageUrl = request.imageUrl().filter(u -> !u.isBlank()).map(u -> Inputs.webUrl("imageUrl", u))
                    .orElse(null);
        }
        if (request.language() != null) {
            content.language = Inputs.language("language", request.language());
        }
        if (request.topics() != null) {
            content.topics = Topics.normalize(request.topics());
        }
        if (request.suggestedMessages() != null) {
            content.suggestedMessages = request.suggestedMessages().toMap();
        }
        if (request.alternativeMessages() != null) {
            content.alternativeMessages = request.alternativeMessages().toMap();
        }
        if (request.variants() != null) {
            content.variants = ContentTexts.variants(request.variants());
        }
        if (request.disclosure() != null) {
            content.disclosure = request.disclosure().map(ContentService::blankToNull).orElse(null);
        }
        if (request.expiresAt() != null) {
            content.expiresAt = request.expiresAt().orElse(null);
            ContentLifecycle.reopen(content, now);
        }
        if (request.publishAt() != null) {
            content.publishAt = request.publishAt().orElse(null);
            ContentLifecycle.reschedule(content, now);
        }
        checkTexts(content, !actor.curates());
        checkWindow(content);
        List<UUID> groups = targets(content);
        if (request.targetGroupIds() != null) {
            groups = distinct(request.targetGroupIds());
            requireGroupsExist(groups);
            ContentTarget.delete("id.contentId", content.id);
            ContentTarget.flush();
            for (UUID group : groups) {
                ContentTarget.of(content.id, group).persist();
            }
            content.targetsEveryone = groups.isEmpty();
        }
        content.updatedAt = now;
        content.flush();
        announceIfPublished(content, stored);
        return view(content, groups, now);
    }

    @Transactional
    public void delete(UUID id, Actor actor) {
        Instant now = Time.now();
        Content content = actor.curates() ? find(id) : ownSubmission(id, actor);
        ContentLifecycle.requireDeletable(content, now, content.authorId.equals(actor.id()));
        ContentTarget.delete("id.contentId", content.id);
        content.delete();
    }

    @Transactional
    public ContentView publish(UUID id, UUID curator) {
        return transition(id, curator, "content.published", (content, now) -> ContentLifecycle.publish(content, now));
    }

    @Transactional
    public ContentView approve(UUID id, UUID curator) {
        return transition(id, curator, "content.approved", (content, now) -> {
            ContentLifecycle.approve(content, now, curator);
            approved.fire(new SubmissionApproved(content.id, tenants.current(), content.authorId, now));
        });
    }

    @Transactional
    public ContentView reject(UUID id, UUID curator, String reason) {
        String why = Inputs.requireText("reason", reason);
        return transition(id, curator, "content.rejected",
                (content, now) -> ContentLifecycle.reject(content, now, curator, why));
    }

    @Transactional
    public ContentView archive(UUID id, UUID curator) {
        return transition(id, curator, "content.archived", (content, now) -> ContentLifecycle.archive(content, now));
    }

    private ContentView transition(UUID id, UUID curator, String action,
            java.util.function.BiConsumer<Content, Instant> change) {
        Instant now = Time.now();
        Content content = find(id);
        ContentStatus before = content.statusAt(now);
        ContentStatus stored = content.status;
        change.accept(content, now);
        content.updatedAt = now;
        announceIfPublished(content, stored);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before.id());
        detail.put("to", content.status.id());
        if (content.decisionReason != null && action.equals("content.rejected")) {
            detail.put("reason", content.decisionReason);
        }
        audit.record(curator, action, "content", content.id, detail);
        return view(content, targets(content), now);
    }

    /** An item that has just entered the feed (not one back from expiry) is announced as published. */
    private void announceIfPublished(Content content, ContentStatus stored) {
        if (content.status == ContentStatus.PUBLISHED && stored != ContentStatus.PUBLISHED
                && stored != ContentStatus.EXPIRED) {
            published.fire(new ContentPublished(tenants.current(), content.id, content.title, content.url,
                    content.publishedAt));
        }
    }

    private ContentView view(Content content, List<UUID> targets, Instant now) {
        return ContentListings.view(content, targets,
                ContentListings.people(List.of(content.authorId)).get(content.authorId), now);
    }

    private Content find(UUID id) {
        return Content.findByIdOptional(id).orElseThrow(ContentService::notFound);
    }

    /** To a curator anything; to an ambassador their own submissions and what their feed shows. */
    private Content readable(UUID id, Actor actor) {
        Content content = find(id);
        if (actor.curates() || content.authorId.equals(actor.id()) || visibleTo(content, actor.id(), Time.now())) {
            return content;
        }
        throw notFound();
    }

    private Content editable(UUID id, Actor actor, Instant now) {
        if (actor.curates()) {
            Content content = find(id);
            ContentLifecycle.requireEditable(content, now);
            return content;
        }
        Content content = ownSubmission(id, actor);
        if (content.statusAt(now) != ContentStatus.PENDING_REVIEW) {
            throw new ProblemException(409, "illegal-transition", "Illegal status change",
                    "This content is " + content.statusAt(now).id() + "; only pending submissions can be edited.");
        }
        return content;
    }

    private Content ownSubmission(UUID id, Actor actor) {
        Content content = find(id);
        if (!content.authorId.equals(actor.id())) {
            throw notFound();
        }
        return content;
    }

    /**
     * Whether the content is in this member's feed now: published, and targeted to everyone or to one of their groups.
     */
    public static boolean visibleTo(Content content, UUID memberId, Instant now) {
        if (content.statusAt(now) != ContentStatus.PUBLISHED) {
            return false;
        }
        if (content.targetsEveryone) {
            return true;
        }
        Set<UUID> mine = GroupMembership.<GroupMembership> list("id.memberId", memberId).stream().map(m -> m.id.groupId)
                .collect(Collectors.toSet());
        return ContentTarget.<ContentTarget> list("id.contentId", content.id).stream()
                .anyMatch(t -> mine.contains(t.id.groupId));
    }

    private List<UUID> targets(Content content) {
        return ContentTarget.groupIdsOf(List.of(content.id)).getOrDefault(content.id, List.of());
    }

    private void checkTexts(Content content, boolean submission) {
        texts(submission).check(content);
    }

    /** The organization's text rules, read once: the messages' limits with its disclosure, and its blocklist. */
    private TextCheck texts(boolean submission) {
        OrganizationSettings settings = OrganizationSettings.findById(tenants.current());
        return new TextCheck(settings,
                settings == null ? null : Blocklist.of(settings.blocklistPhrases, settings.blocklistPatterns),
                submission);
    }

    private record TextCheck(OrganizationSettings settings, Blocklist blocklist, boolean submission) {
        void check(Content content) {
            ContentTexts.check(content, OrganizationSettings.disclosureOf(content, settings));
            if (blocklist != null) {
                blocklist.check(ContentTexts.screened(content, submission));
            }
        }
    }

    private static void checkWindow(Content content) {
        if (content.publishAt != null && content.expiresAt != null && !content.expiresAt.isAfter(content.publishAt)) {
            throw ProblemException.invalid("expiresAt", "must be after publishAt");
        }
    }

    private static void requireGroupsExist(List<UUID> groups) {
        if (Group.countExisting(groups) != groups.size()) {
            throw ProblemException.invalid("targetGroupIds", "must name existing groups of this organization");
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("This content");
    }

}
