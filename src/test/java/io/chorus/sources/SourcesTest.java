package io.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Content sources through the API, against feeds served on 127.0.0.1 — real documents, hostile ones included. */
@QuarkusTest
class SourcesTest {

    static FeedServer feeds;

    @Inject
    DataSource database;
    @Inject
    SourcesConfig config;
    @Inject
    SourcePasses passes;

    @BeforeAll
    static void serve() throws IOException {
        feeds = new FeedServer();
    }

    @AfterAll
    static void stop() {
        feeds.close();
    }

    @Test
    void rssItemsBecomeDraftsFilledFromTheFeedAndThePagesOpenGraphTags() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String group = org.group("Engineering", "department");
        String id = add(curator.token(), Map.of("url", feeds.url("/rss/review"), "topics", List.of("News"),
                "targetGroupIds", List.of(group), "language", "de"));
        JsonPath health = fetch(curator.token(), id);
        assertThat(health.getString("health.lastError")).isNull();
        assertThat(health.getInt("health.itemsTaken")).isEqualTo(3);
        assertThat(health.getInt("health.consecutiveFailures")).isZero();
        assertThat(health.getString("health.lastSuccessAt")).isNotNull();
        assertThat(Instant.parse(health.getString("health.nextFetchAt")))
                .isAfter(Instant.parse(health.getString("health.lastFetchedAt")));

        JsonPath drafts = Api.as(curator.token()).get("/api/v1/content?status=draft").then().statusCode(200).extract()
                .jsonPath();
        assertThat(drafts.getList("items.title")).containsExactly("Wind farm & storage open", "New CFO appointed",
                "Solar park on the roof");
        // The newest item last in the feed's order: the feed's first is the newest content.
        Map<String, Object> wind = drafts.getMap("items[0]");
        assertThat(wind).containsEntry("url", feeds.url("/news/wind-farm"))
                .containsEntry("body", "Our largest site yet.").containsEntry("imageUrl", feeds.url("/img/wind.jpg"))
                .containsEntry("language", "de").containsEntry("topics", List.of("news"))
                .containsEntry("targetGroupIds", List.of(group));
        assertThat(drafts.getString("items[1].url")).isEqualTo(feeds.url("/news/cfo"));
        // The third item has only a link: its page's Open Graph tags fill it.
        assertThat(drafts.getMap("items[2]")).containsEntry("body", "Every building, a power plant.")
                .containsEntry("imageUrl", feeds.url("/img/solar.jpg"));
        // Drafts wait for a curator: nothing in an ambassador's feed.
        Person ambassador = org.member(List.of(group), "ambassador");
        Api.as(ambassador.token()).get("/api/v1/feed").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void atomItemsArePublishedAtOnceInPublishMode() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String id = add(curator.token(), Map.of("url", feeds.url("/atom/publish"), "mode", "publish"));
        assertThat(fetch(curator.token(), id).getInt("health.itemsTaken")).isEqualTo(2);
        Person ambassador = org.member("ambassador");
        JsonPath feed = Api.as(ambassador.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getList("items.title")).containsExactlyInAnyOrder("How we test", "Scaling PostgreSQL");
        assertThat(feed.getList("items.url")).contains(feeds.url("/eng/testing"));
    }

    @Test
    void repollingAndASecondSourceCarryingTheSameArticlesMakeNoDuplicates() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String first = add(curator.token(), Map.of("url", feeds.url("/rss/dedup")));
        assertThat(fetch(curator.token(), first).getInt("health.itemsTaken")).isEqualTo(3);
        assertThat(fetch(curator.token(), first).getInt("health.itemsTaken")).isEqualTo(3);
        // Other GUIDs, the same articles behind tracking parameters and fragments.
        String copy = add(curator.token(), Map.of("url", feeds.url("/copy")));
        JsonPath health = fetch(curator.token(), copy);
        assertThat(health.getInt("health.itemsTaken")).isZero();
        assertThat(health.getInt("health.duplicatesSkipped")).isEqualTo(2);
        assertThat(health.getString("health.lastError")).isNull();
        Api.as(curator.token()).get("/api/v1/content").then().statusCode(200).body("items.size()", equalTo(3));
        // Another organization takes the same feed for itself.
        Person other = Organizations.create().member("curator");
        assertThat(fetch(other.token(), add(other.token(), Map.of("url", feeds.url("/rss/dedup"))))
                .getInt("health.itemsTaken")).isEqualTo(3);
    }

    @Test
    void validatorsAreSentBackAndANotModifiedAnswerIsASuccess() {
        Person curator = Organizations.create().member("curator");
        String id = add(curator.token(), Map.of("url", feeds.url("/conditional")));
        int before = feeds.notModified();
        assertThat(fetch(curator.token(), id).getInt("health.itemsTaken")).isEqualTo(2);
        JsonPath again = fetch(curator.token(), id);
        assertThat(feeds.notModified()).isEqualTo(before + 1);
        assertThat(again.getString("health.lastError")).isNull();
        assertThat(again.getInt("health.consecutiveFailures")).isZero();
        assertThat(again.getInt("health.itemsTaken")).isEqualTo(2);
    }

    @Test
    void hostileFeedsAreRecordedErrorsThatBackOff() {
        Person curator = Organizations.create().member("curator");
        Map<String, String> expected = Map.of("/endless", "larger than", "/slow", "longer than", "/not-xml",
                "neither an RSS 2.0 nor an Atom feed", "/to-private", "10.0.0.1", "/broken", "HTTP 500");
        expected.forEach((path, error) -> {
            String id = add(curator.token(), Map.of("url", feeds.url(path)));
            long start = System.nanoTime();
            JsonPath health = fetch(curator.token(), id);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(5));
            assertThat(health.getString("health.lastError")).as(path).contains(error);
            assertThat(health.getInt("health.consecutiveFailures")).as(path).isEqualTo(1);
            assertThat(health.getString("health.lastSuccessAt")).as(path).isNull();
            Instant fetched = Instant.parse(health.getString("health.lastFetchedAt"));
            assertThat(Instant.parse(health.getString("health.nextFetchAt"))).as(path)
                    .isAfterOrEqualTo(fetched.plus(config.firstRetryAfter().dividedBy(2)));
            assertThat(fetch(curator.token(), id).getInt("health.consecutiveFailures")).as(path).isEqualTo(2);
        });
        Api.as(curator.token()).get("/api/v1/content").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anItemRefusedByTheContentRulesIsSaidInTheHealthAndTakenLater() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String group = org.group("Gone soon", "team");
        String id = add(curator.token(), Map.of("url", feeds.url("/atom/refused"), "targetGroupIds", List.of(group)));
        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", group).then().statusCode(204);
        JsonPath health = fetch(curator.token(), id);
        assertThat(health.getInt("health.itemsTaken")).isZero();
        assertThat(health.getInt("health.consecutiveFailures")).isZero();
        assertThat(health.getString("health.lastError")).contains("an item could not be taken")
                .contains(feeds.url("/eng/"));
        Api.as(curator.token()).get("/api/v1/content").then().statusCode(200).body("items.size()", equalTo(0));
        // Fixed, the next fetch takes them: nothing was remembered of the refused ones.
        Api.as(curator.token()).body(Map.of("targetGroupIds", List.of())).patch("/api/v1/content-sources/{id}", id)
                .then().statusCode(200);
        assertThat(fetch(curator.token(), id).getInt("health.itemsTaken")).isEqualTo(2);
    }

    @Test
    void entitiesOfAHostileDocumentNeitherExpandNorReadFiles() {
        Person curator = Organizations.create().member("curator");
        assertThat(fetch(curator.token(), add(curator.token(), Map.of("url", feeds.url("/laughs"))))
                .getInt("health.itemsTaken")).isEqualTo(1);
        assertThat(fetch(curator.token(), add(curator.token(), Map.of("url", feeds.url("/xxe"))))
                .getInt("health.itemsTaken")).isEqualTo(1);
        JsonPath items = Api.as(curator.token()).get("/api/v1/content").then().statusCode(200).extract().jsonPath();
        assertThat(items.getList("items.title", String.class)).allSatisfy(title -> {
            assertThat(title).doesNotContain("lollol").doesNotContain("root:").hasSizeLessThan(300);
        });
        assertThat(feeds.requests("/secret")).isZero();
    }

    @Test
    void badInputIsA400ThatChangesNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        for (Map<String, Object> bad : List.<Map<String, Object>> of(Map.of("url", "ftp://example.com/feed"),
                Map.of("url", "http://10.0.0.1/feed.xml"), Map.of("url", "http://[::1]/feed"),
                Map.of("url", feeds.url("/rss#x")), Map.of("url", feeds.url("/rss"), "mode", "auto"),
                Map.of("url", feeds.url("/rss"), "topics", List.of("!!")),
                Map.of("url", feeds.url("/rss"), "targetGroupIds", List.of("00000000-0000-0000-0000-000000000001")),
                Map.of("url", feeds.url("/rss"), "unknown", 1), Map.of("topics", List.of("x")))) {
            Api.as(curator.token()).body(bad).post("/api/v1/content-sources").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.as(curator.token()).get("/api/v1/content-sources").then().statusCode(200).body("items.size()", equalTo(0));
        String id = add(curator.token(), Map.of("url", feeds.url("/rss/bad")));
        Api.as(curator.token()).body(Map.of("url", feeds.url("/rss/bad"))).post("/api/v1/content-sources").then()
                .statusCode(409).body("type", endsWith("source-exists"));
        Api.as(curator.token()).body(Map.of("mode", "later", "enabled", false))
                .patch("/api/v1/content-sources/{id}", id).then().statusCode(400);
        Api.as(curator.token()).get("/api/v1/content-sources/{id}", id).then().statusCode(200)
                .body("mode", equalTo("review")).body("enabled", equalTo(true));
        Api.as(org.member("ambassador").token()).get("/api/v1/content-sources").then().statusCode(403);
    }

    @Test
    void sourcesAreChangedListedAndDeletedAndAreAnotherOrganizationsNot() {
        Org org = Organizations.create();
        String id = add(org.admin().token(), Map.of("url", feeds.url("/rss/crud")));
        Api.as(org.admin().token()).body(Map.of("enabled", false, "mode", "publish", "topics", List.of("Wind")))
                .patch("/api/v1/content-sources/{id}", id).then().statusCode(200).body("enabled", equalTo(false))
                .body("mode", equalTo("publish")).body("topics", equalTo(List.of("wind")));
        Api.as(org.admin().token()).get("/api/v1/content-sources").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].health.lastFetchedAt", nullValue())
                .body("nextCursor", nullValue());
        Person stranger = Organizations.create().member("curator");
        Api.as(stranger.token()).get("/api/v1/content-sources/{id}", id).then().statusCode(404);
        Api.as(stranger.token()).post("/api/v1/content-sources/{id}/fetch", id).then().statusCode(404);
        Api.as(stranger.token()).delete("/api/v1/content-sources/{id}", id).then().statusCode(404);
        Api.as(org.admin().token()).get("/api/v1/audit-events").then().statusCode(200)
                .body(containsString("source.updated"));
        Api.as(org.admin().token()).delete("/api/v1/content-sources/{id}", id).then().statusCode(204);
        Api.as(org.admin().token()).get("/api/v1/content-sources/{id}", id).then().statusCode(404);
    }

    @Test
    void twoPollersRacingFetchEachDueSourceOnce() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paths.add("/race/" + org.slug() + "-" + i);
            add(curator.token(), Map.of("url", feeds.url(paths.get(i))));
        }
        String disabled = "/race/" + org.slug() + "-off";
        Api.as(curator.token()).body(Map.of("enabled", false))
                .patch("/api/v1/content-sources/{id}", add(curator.token(), Map.of("url", feeds.url(disabled)))).then()
                .statusCode(200);
        try (SourcePoller one = new SourcePoller(database, config, passes);
                SourcePoller two = new SourcePoller(database, config, passes)) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> drain(one));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> drain(two));
            first.get();
            second.get();
        }
        for (String path : paths) {
            assertThat(feeds.requests(path)).as(path).isEqualTo(1);
        }
        assertThat(feeds.requests(disabled)).isZero();
        Api.as(curator.token()).get("/api/v1/content?limit=100").then().statusCode(200).body("items.size()",
                equalTo(12));
    }

    private static int drain(SourcePoller poller) {
        try {
            return poller.drain();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anArticleACuratorAddedByHandIsSkippedAsADuplicate() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String byHand = Api
                .as(curator.token()).body(Map.of("title", "Our new CFO", "url",
                        feeds.url("/news/cfo?utm_source=newsletter"), "language", "en"))
                .post("/api/v1/content").then().statusCode(201).extract().path("id");
        String id = add(curator.token(), Map.of("url", feeds.url("/rss/review")));
        JsonPath health = fetch(curator.token(), id);
        assertThat(health.getInt("health.itemsTaken")).isEqualTo(2);
        assertThat(health.getInt("health.duplicatesSkipped")).isEqualTo(1);
        assertThat(health.getString("health.lastError")).isNull();
        JsonPath all = Api.as(curator.token()).get("/api/v1/content").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.title")).containsExactlyInAnyOrder("Our new CFO", "Wind farm & storage open",
                "Solar park on the roof");
        Api.as(curator.token()).get("/api/v1/content/{id}", byHand).then().body("title", equalTo("Our new CFO"))
                .body("url", equalTo(feeds.url("/news/cfo?utm_source=newsletter")));
        // Polled again, nothing is new: nothing more is skipped either.
        assertThat(fetch(curator.token(), id).getInt("health.duplicatesSkipped")).isEqualTo(1);
    }

    private static String add(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/content-sources").then().statusCode(201).extract().path("id");
    }

    private static JsonPath fetch(String token, String id) {
        return Api.as(token).post("/api/v1/content-sources/{id}/fetch", id).then().statusCode(200).extract().jsonPath();
    }
}
