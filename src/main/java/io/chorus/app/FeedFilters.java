package io.chorus.app;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.chorus.common.tenant.Tenants;
import io.chorus.content.FeedService;
import io.chorus.content.FeedService.Choices;

/**
 * What the feed's filter offers a member: the topics of their latest feed items (most used first) and their languages
 * ({@link FeedService#choices}). Each member's are remembered, and read again in the background once they are
 * {@value #SECONDS} seconds old (never in a page's request but the member's first): a new topic shows in the filter
 * within about that, while the feed itself, and a topic chosen from an item, are always read anew. Options nobody asked
 * for in ten minutes are forgotten.
 */
@ApplicationScoped
public class FeedFilters {

    static final int SECONDS = 60;

    private final FeedService feeds;
    private final Tenants tenants;
    private final LoadingCache<Key, Choices> remembered;

    private record Key(UUID organization, UUID member) {
    }

    @Inject
    public FeedFilters(FeedService feeds, Tenants tenants) {
        this.feeds = feeds;
        this.tenants = tenants;
        this.remembered = Caffeine.newBuilder().maximumSize(20_000).refreshAfterWrite(Duration.ofSeconds(SECONDS))
                .expireAfterAccess(Duration.ofMinutes(10)).build(this::read);
    }

    public Choices of(UUID member) {
        return remembered.get(new Key(tenants.current(), member));
    }

    /** In the request (the first time) or in the background (later): as the organization, in a transaction. */
    private Choices read(Key key) {
        return tenants.callAs(key.organization(), () -> feeds.choices(key.member()));
    }
}
