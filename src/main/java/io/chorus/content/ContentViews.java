package io.chorus.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the content endpoints answer. */
public final class ContentViews {

    private ContentViews() {
    }

    public record Person(UUID id, String name) {
    }

    /** Who decided on a submission, when, and why (the reason of a rejection). */
    public record Moderation(UUID decidedBy, Instant decidedAt, String reason) {
    }

    public record ContentView(UUID id, String title, String url, String body, String imageUrl, String language,
            List<String> topics, List<UUID> targetGroupIds, Map<String, String> suggestedMessages, ContentStatus status,
            Instant publishAt, Instant expiresAt, Instant publishedAt, Person author, boolean submission,
            @JsonInclude(JsonInclude.Include.NON_NULL) Moderation moderation, Instant createdAt, Instant updatedAt,
            Map<String, List<String>> alternativeMessages, Map<String, Voices.Variant> variants, String disclosure) {
    }

    public record QueueItem(UUID id, String title, String url, String body, String imageUrl, String language,
            List<String> topics, Map<String, String> suggestedMessages, Person submitter, Instant submittedAt) {
    }

    public record TopicCount(String topic, long count) {
    }

    /** An item of a member's feed, exactly as {@code GET /api/v1/feed} answers it (the FeedItem schema). */
    public record FeedItem(UUID id, String title, String url, String body, String imageUrl, String language,
            List<String> topics, Map<String, String> suggestedMessages, Instant publishedAt, Instant expiresAt,
            boolean sharedByMe) {

        /** The same item, shared by the member. */
        public FeedItem asShared() {
            return new FeedItem(id, title, url, body, imageUrl, language, topics, suggestedMessages, publishedAt,
                    expiresAt, true);
        }
    }

    /** A page of the feed. */
    public record Feed(List<FeedItem> items, String nextCursor) {
    }
}
