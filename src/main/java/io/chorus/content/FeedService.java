package io.chorus.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.content.ContentViews.FeedItem;
import io.chorus.tenancy.GroupMembership;
import io.quarkus.panache.common.Parameters;

/**
 * An ambassador's feed: content published now and not expired, targeted to everyone or to one of their groups, newest
 * first. Pages are keyset pages on (publishedAt, id); an item's publishedAt is fixed when it is published or scheduled,
 * so items appearing meanwhile land before the first page and paging neither skips nor repeats.
 */
@ApplicationScoped
public class FeedService {

    @Transactional
    public Page<FeedItem> feed(UUID memberId, Optional<String> topic, Optional<String> language, PageRequest page) {
        Instant now = Time.now();
        List<UUID> groups = GroupMembership.<GroupMembership> list("id.memberId", memberId).stream()
                .map(m -> m.id.groupId).toList();
        StringBuilder query = new StringBuilder("from Content c where c.status in (:live)"
                + " and c.publishedAt <= :now and (c.expiresAt is null or c.expiresAt > :now)");
        Parameters params = Parameters.with("live", List.of(ContentStatus.PUBLISHED, ContentStatus.SCHEDULED))
                .and("now", now);
        if (groups.isEmpty()) {
            query.append(" and c.targetsEveryone = true");
        } else {
            query.append(" and (c.targetsEveryone = true or exists (select 1 from ContentTarget t"
                    + " where t.id.contentId = c.id and t.id.groupId in (:groups)))");
            params.and("groups", groups);
        }
        topic.ifPresent(t -> {
            query.append(" and array_contains(c.topics, :topic)");
            params.and("topic", t);
        });
        language.ifPresent(l -> {
            query.append(" and c.language = :language");
            params.and("language", l);
        });
        page.cursor().ifPresent(c -> {
            query.append(" and (c.publishedAt < :afterTime or (c.publishedAt = :afterTime and c.id < :afterId))");
            params.and("afterTime", PageRequest.instant(c, 0)).and("afterId", PageRequest.uuid(c, 1));
        });
        query.append(" order by c.publishedAt desc, c.id desc");
        List<Content> rows = Content.<Content> find(query.toString(), params).page(0, page.fetchSize()).list();
        return Page.of(rows, page, c -> Cursor.of(c.publishedAt, c.id))
                .map(c -> new FeedItem(c.id, c.title, c.url, c.body, c.imageUrl, c.language, Arrays.asList(c.topics),
                        c.suggestedMessages, c.publishedAt, c.expiresAt, false));
    }
}
