package io.chorus.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.Topics;
import io.chorus.sources.SourceViews.CreateSource;
import io.chorus.sources.SourceViews.Health;
import io.chorus.sources.SourceViews.SourceView;
import io.chorus.sources.SourceViews.UpdateSource;
import io.chorus.tenancy.Group;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The organization's content sources: added (the URL checked where it resolves to before anything is stored), listed,
 * changed, deleted, every change audited, and fetched on demand. Everything is checked before anything changes.
 */
@ApplicationScoped
public class SourceService {

    private final OutboundAddresses addresses;
    private final Audit audit;
    private final SourcePasses passes;

    @Inject
    public SourceService(OutboundAddresses addresses, Audit audit, SourcePasses passes) {
        this.addresses = addresses;
        this.audit = audit;
        this.passes = passes;
    }

    public SourceView create(CreateSource request, UUID actor) {
        String url = url(request.url());
        String[] topics = Topics.normalize(request.topics());
        String language = Inputs.language("language", request.language());
        String mode = mode(request.mode() == null ? ContentSource.REVIEW : request.mode());
        List<UUID> groups = distinct(request.targetGroupIds());
        return inTransaction(() -> {
            requireGroupsExist(groups);
            requireNew(url);
            Instant now = Time.now();
            ContentSource source = new ContentSource();
            source.id = UUID.randomUUID();
            source.url = url;
            source.topics = topics;
            source.targetGroupIds = groups.toArray(UUID[]::new);
            source.language = language;
            source.mode = mode;
            source.enabled = true;
            source.nextFetchAt = now;
            source.createdBy = actor;
            source.createdAt = now;
            source.updatedAt = now;
            source.persist();
            audit.record(actor, "source.created", "content_source", source.id, Map.of("url", url, "mode", mode));
            return view(source);
        });
    }

    public Page<SourceView> list(PageRequest page) {
        return inTransaction(() -> Page.of(ContentSource.findPage(page), page, s -> Cursor.of(s.createdAt, s.id))
                .map(SourceService::view));
    }

    public SourceView get(UUID id) {
        return inTransaction(() -> view(find(id)));
    }

    public SourceView update(UUID id, UpdateSource request, UUID actor) {
        inTransaction(() -> find(id));
        String url = request.url() == null ? null : url(request.url());
        String[] topics = request.topics() == null ? null : Topics.normalize(request.topics());
        String language = request.language() == null ? null : Inputs.language("language", request.language());
        String mode = request.mode() == null ? null : mode(request.mode());
        List<UUID> groups = request.targetGroupIds() == null ? null : distinct(request.targetGroupIds());
        return inTransaction(() -> {
            ContentSource source = find(id);
            if (groups != null) {
                requireGroupsExist(groups);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            Instant now = Time.now();
            if (url != null && !url.equals(source.url)) {
                requireNew(url);
                source.url = url;
                source.etag = null;
                source.lastModified = null;
                source.nextFetchAt = now;
                detail.put("url", url);
            }
            if (topics != null) {
                source.topics = topics;
                detail.put("topics", List.of(topics));
            }
            if (groups != null) {
                source.targetGroupIds = groups.toArray(UUID[]::new);
                detail.put("targetGroupIds", groups);
            }
            if (language != null) {
                source.language = language;
                detail.put("language", language);
            }
            if (mode != null && !mode.equals(source.mode)) {
                source.mode = mode;
                detail.put("mode", mode);
            }
            if (request.enabled() != null && request.enabled() != source.enabled) {
                source.enabled = request.enabled();
                if (source.enabled) {
                    source.consecutiveFailures = 0;
                    source.nextFetchAt = now;
                }
                detail.put("enabled", source.enabled);
            }
            source.updatedAt = now;
            audit.record(actor, "source.updated", "content_source", source.id, detail);
            return view(source);
        });
    }

    /** Deletes the source and its memory of the items it took; the content items made from them stay. */
    public void delete(UUID id, UUID actor) {
        inTransaction(() -> {
            ContentSource source = find(id);
            source.delete();
            audit.record(actor, "source.deleted", "content_source", source.id, Map.of("url", source.url));
            return null;
        });
    }

    /** Fetches the source now (unless a poller is at it), and answers it with its health after the pass. */
    public SourceView fetchNow(UUID id, UUID organization, UUID actor) {
        inTransaction(() -> find(id));
        if (!passes.fetchNow(organization, id)) {
            throw ProblemException.conflict("fetch-under-way", "This source is being fetched already; try again soon.");
        }
        return inTransaction(() -> {
            ContentSource source = find(id);
            audit.record(actor, "source.fetched", "content_source", source.id,
                    Map.of("ok", source.lastError == null && source.consecutiveFailures == 0));
            return view(source);
        });
    }

    static SourceView view(ContentSource s) {
        return new SourceView(s.id, s.url, List.of(s.topics), List.of(s.targetGroupIds), s.language, s.mode, s.enabled,
                new Health(s.lastFetchedAt, s.lastSuccessAt, s.lastError, s.consecutiveFailures, s.nextFetchAt,
                        s.itemsTaken, s.duplicatesSkipped),
                s.createdAt, s.updatedAt);
    }

    private static ContentSource find(UUID id) {
        return ContentSource.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This source"));
    }

    private static void requireNew(String url) {
        if (ContentSource.findByUrl(url).isPresent()) {
            throw ProblemException.conflict("source-exists", "A source of this organization has this URL already.");
        }
    }

    private String url(String requested) {
        return addresses.callableUrl("url", requested);
    }

    private static String mode(String mode) {
        String m = mode.strip();
        if (!m.equals(ContentSource.REVIEW) && !m.equals(ContentSource.PUBLISH)) {
            throw ProblemException.invalid("mode", "must be review or publish");
        }
        return m;
    }

    private static void requireGroupsExist(List<UUID> groups) {
        if (Group.countExisting(groups) != groups.size()) {
            throw ProblemException.invalid("targetGroupIds", "must name existing groups of this organization");
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
