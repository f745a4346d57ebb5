package io.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The feed reader on real RSS 2.0 and Atom documents, and on hostile ones. No Quarkus. */
class FeedParserTest {

    private static final String BASE = "https://news.example.com";

    @Test
    void rssItemsGiveGuidLinkTitlePlainSummaryImageAndDate() {
        List<FeedParser.Entry> entries = parse(FeedServer.RSS);
        assertThat(entries).hasSize(3);
        FeedParser.Entry first = entries.get(0);
        assertThat(first.guid()).isEqualTo("acme-1");
        assertThat(first.link()).isEqualTo(BASE + "/news/wind-farm?utm_source=rss&utm_medium=feed");
        assertThat(first.title()).isEqualTo("Wind farm & storage open");
        assertThat(first.summary()).isEqualTo("Our largest site yet.");
        assertThat(first.imageUrl()).isEqualTo(BASE + "/img/wind.jpg");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(entries.get(1).imageUrl()).isEqualTo(BASE + "/img/cfo.png");
        assertThat(entries.get(2).title()).isNull();
        assertThat(entries.get(2).summary()).isNull();
    }

    @Test
    void atomEntriesGiveIdAlternateLinkSummaryOrContentAndUpdated() {
        List<FeedParser.Entry> entries = parse(FeedServer.ATOM);
        assertThat(entries).extracting(FeedParser.Entry::link).containsExactly(BASE + "/eng/testing",
                BASE + "/eng/postgres");
        assertThat(entries.get(0).guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(entries.get(0).imageUrl()).isEqualTo(BASE + "/img/testing.png");
        assertThat(entries.get(0).summary()).isEqualTo("Real servers, real databases.");
        assertThat(entries.get(1).title()).isEqualTo("Scaling PostgreSQL");
        assertThat(entries.get(1).summary()).isEqualTo("One server goes far.");
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    }

    @Test
    void billionLaughsNeitherExpandsNorTakesLong() {
        long start = System.nanoTime();
        List<FeedParser.Entry> entries = parse(FeedServer.LAUGHS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(entries).hasSize(1);
        assertThat(String.valueOf(entries.get(0).title())).doesNotContain("lollol").hasSizeLessThan(50);
        assertThat(String.valueOf(entries.get(0).summary())).doesNotContain("lollol").hasSizeLessThan(50);
    }

    @Test
    void externalEntitiesReadNoFile() {
        List<FeedParser.Entry> entries = parse(FeedServer.EXTERNAL_ENTITY);
        assertThat(entries).hasSize(1);
        assertThat(String.valueOf(entries.get(0).title())).doesNotContain("root:");
        assertThat(String.valueOf(entries.get(0).summary())).doesNotContain("root:");
    }

    @Test
    void whatIsNoFeedIsRefusedAndItemsWithoutLinksLeftOut() {
        assertThatThrownBy(() -> parse("<html><body>Welcome</body></html>")).isInstanceOf(FeedParser.NotAFeed.class)
                .hasMessageContaining("neither an RSS 2.0 nor an Atom feed");
        assertThatThrownBy(() -> parse("")).isInstanceOf(FeedParser.NotAFeed.class);
        assertThat(parse("<rss><channel><item><title>No link</title></item></channel></rss>")).isEmpty();
        assertThat(parse("<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>")).isEmpty();
        assertThat(parse(
                "<rss><channel><item><link>/relative</link></item><item><link>/b</link></item></channel>" + "</rss")
                        .size()).isEqualTo(2);
    }

    @Test
    void canonicalUrlsDropTrackingParametersFragmentsAndDefaultPorts() {
        assertThat(CanonicalUrls.of("HTTPS://News.Example.com:443/a/B?utm_source=x&id=7&fbclid=1#top"))
                .isEqualTo("https://news.example.com/a/B?id=7");
        assertThat(CanonicalUrls.of("http://example.com")).isEqualTo("http://example.com/");
        assertThat(CanonicalUrls.of("http://example.com:8080/x?utm_medium=feed"))
                .isEqualTo("http://example.com:8080/x");
    }

    private static List<FeedParser.Entry> parse(String document) {
        return FeedParser.parse(document.formatted(BASE).getBytes(StandardCharsets.UTF_8), BASE + "/feed.xml", 100);
    }
}
