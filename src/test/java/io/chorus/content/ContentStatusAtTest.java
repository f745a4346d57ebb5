package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The status read back is right to the instant, at the boundaries too. */
class ContentStatusAtTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void scheduledBecomesPublishedExactlyAtItsTime() {
        Content content = new Content();
        content.status = ContentStatus.SCHEDULED;
        content.publishedAt = T;

        assertThat(content.statusAt(T.minusMillis(1))).isEqualTo(ContentStatus.SCHEDULED);
        assertThat(content.statusAt(T)).isEqualTo(ContentStatus.PUBLISHED);
    }

    @Test
    void publishedBecomesExpiredExactlyAtItsEnd() {
        Content content = new Content();
        content.status = ContentStatus.PUBLISHED;
        content.publishedAt = T.minusSeconds(60);
        content.expiresAt = T;

        assertThat(content.statusAt(T.minusMillis(1))).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(content.statusAt(T)).isEqualTo(ContentStatus.EXPIRED);
    }

    @Test
    void aScheduledItemWhoseWholeWindowHasPassedReadsExpired() {
        Content content = new Content();
        content.status = ContentStatus.SCHEDULED;
        content.publishedAt = T;
        content.expiresAt = T.plusSeconds(1);

        assertThat(content.statusAt(T.plusSeconds(1))).isEqualTo(ContentStatus.EXPIRED);
        content.status = ContentStatus.ARCHIVED;
        assertThat(content.statusAt(T.plusSeconds(1))).isEqualTo(ContentStatus.ARCHIVED);
    }
}
