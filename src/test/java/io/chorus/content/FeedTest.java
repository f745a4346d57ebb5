package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FeedTest {

    @Test
    void theFeedShowsWhatIsTargetedToEveryoneOrToOneOfMyGroups() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String paris = org.group("Paris", "location");
        String lyon = org.group("Lyon", "location");
        String sales = org.group("Sales", "department");
        Person parisian = org.member(List.of(paris, sales), "ambassador");
        Person lyonnais = org.member(List.of(lyon), "ambassador");
        Person nobody = org.member("ambassador");

        String everyone = Contents.published(curator.token(), Contents.body("All hands", List.of()));
        String forParis = Contents.published(curator.token(), Contents.body("Paris office", List.of(paris)));
        String forLyonOrSales = Contents.published(curator.token(),
                Contents.body("Lyon or sales", List.of(lyon, sales)));

        assertThat(Contents.feedIds(parisian.token(), "")).containsExactly(forLyonOrSales, forParis, everyone);
        assertThat(Contents.feedIds(lyonnais.token(), "")).containsExactly(forLyonOrSales, everyone);
        assertThat(Contents.feedIds(nobody.token(), "")).containsExactly(everyone);
        // A filtered page is another statement (planned for its filter): it shows what the same rule shows.
        assertThat(Contents.feedIds(parisian.token(), "?language=en")).containsExactly(forLyonOrSales, forParis,
                everyone);
        assertThat(Contents.feedIds(nobody.token(), "?language=en")).containsExactly(everyone);
        Api.as(nobody.token()).get("/api/v1/content/{id}", forParis).then().statusCode(404);
        Api.as(lyonnais.token()).get("/api/v1/content/{id}", forLyonOrSales).then().statusCode(200);
        Api.as(parisian.token()).get("/api/v1/feed").then().body("items[0].sharedByMe", equalTo(false))
                .body("items[0].title", equalTo("Lyon or sales"));
    }

    @Test
    void topicAndLanguageFilterTheFeed() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        var french = Contents.body("Bonjour", List.of(), "culture");
        french.put("language", "fr");
        String fr = Contents.published(curator.token(), french);
        String en = Contents.published(curator.token(), Contents.body("Hello", List.of(), "tech"));

        assertThat(Contents.feedIds(ambassador.token(), "?topic=Culture")).containsExactly(fr);
        assertThat(Contents.feedIds(ambassador.token(), "?language=en")).containsExactly(en);
        assertThat(Contents.feedIds(ambassador.token(), "?language=fr&topic=tech")).isEmpty();
    }

    @Test
    void pagingNeitherSkipsNorRepeatsWhileContentIsPublished() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            before.add(0, Contents.published(curator.token(), Contents.body("Item " + i)));
        }
        String soon = Contents.scheduled(curator.token(), Contents.body("Soon"), Time.now().plusSeconds(2));

        JsonPath first = Api.as(ambassador.token()).get("/api/v1/feed?limit=3").then().statusCode(200).extract()
                .jsonPath();
        List<String> seen = new ArrayList<>(first.getList("items.id", String.class));
        String newer = Contents.published(curator.token(), Contents.body("Breaking"));
        awaitInFeed(ambassador.token(), soon);
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = Api.as(ambassador.token()).queryParam("limit", 3).queryParam("cursor", cursor)
                    .get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        }

        assertThat(seen).containsExactlyElementsOf(before);
        // "Soon" entered the feed at its publishAt, after "Breaking" was published.
        assertThat(Contents.feedIds(ambassador.token(), "?limit=2")).containsExactly(soon, newer);
    }

    @Test
    void scheduledContentAppearsAtItsTimeAndExpiredContentLeavesWithoutAnyRequestTriggeringIt() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Instant publishAt = Time.now().plusSeconds(2);
        String scheduled = Contents.scheduled(curator.token(), Contents.body("At noon"), publishAt);
        var expiring = Contents.body("Flash sale");
        Instant expiresAt = Time.now().plusSeconds(2);
        expiring.put("expiresAt", expiresAt.toString());
        String flash = Contents.published(curator.token(), expiring);

        Api.as(curator.token()).get("/api/v1/content/{id}", scheduled).then().body("status", equalTo("scheduled"));
        assertThat(Contents.feedIds(ambassador.token(), "")).containsExactly(flash);

        awaitInFeed(ambassador.token(), scheduled);
        assertThat(Time.now()).isAfterOrEqualTo(publishAt.minusMillis(1));
        Api.as(curator.token()).get("/api/v1/content/{id}", scheduled).then().body("status", equalTo("published"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Contents.feedIds(ambassador.token(), "").contains(flash) && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        assertThat(Contents.feedIds(ambassador.token(), "")).containsExactly(scheduled);
        assertThat(Time.now()).isAfterOrEqualTo(expiresAt.minusMillis(1));
        Api.as(curator.token()).get("/api/v1/content/{id}", flash).then().body("status", equalTo("expired"));
        Api.as(ambassador.token()).get("/api/v1/content/{id}", flash).then().statusCode(404);
        Api.as(curator.token()).get("/api/v1/content?status=expired").then().body("items[0].id", equalTo(flash));
    }

    @Test
    void anotherOrganizationsContentIsNeverInMyFeed() {
        Org mine = Organizations.create();
        Org theirs = Organizations.create();
        Person ambassador = mine.member("ambassador");
        String foreign = Contents.published(theirs.member("curator").token(), Contents.body("Theirs"));

        assertThat(Contents.feedIds(ambassador.token(), "")).isEmpty();
        Api.as(ambassador.token()).get("/api/v1/content/{id}", foreign).then().statusCode(404);
        Api.as(mine.admin().token()).get("/api/v1/content/{id}", foreign).then().statusCode(404);
        Api.as(mine.admin().token()).post("/api/v1/content/{id}/archive", foreign).then().statusCode(404);
    }

    @Test
    void anEditedItemIsShownAsEditedAtOnceAndMySharesAreMine() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person sharer = org.member("ambassador");
        Person other = org.member("ambassador");
        String item = Contents.published(curator.token(), Contents.body("First title"));
        Api.as(sharer.token()).get("/api/v1/feed").then().body("items[0].title", equalTo("First title"));
        Api.as(other.token()).get("/api/v1/feed").then().body("items[0].title", equalTo("First title"));

        Api.as(curator.token()).body(java.util.Map.of("title", "Second title", "body", "A new body"))
                .patch("/api/v1/content/{id}", item).then().statusCode(200);
        Api.as(sharer.token()).body(java.util.Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", item)
                .then().statusCode(201);

        Api.as(sharer.token()).get("/api/v1/feed").then().body("items[0].title", equalTo("Second title"))
                .body("items[0].body", equalTo("A new body")).body("items[0].sharedByMe", equalTo(true));
        Api.as(other.token()).get("/api/v1/feed").then().body("items[0].title", equalTo("Second title"))
                .body("items[0].sharedByMe", equalTo(false));
        Api.as(curator.token()).post("/api/v1/content/{id}/archive", item).then().statusCode(200);
        assertThat(Contents.feedIds(other.token(), "")).isEmpty();
    }

    @Test
    void theFeedIsWrittenLikeEveryOtherAnswer() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person sharer = org.member("ambassador");
        String item = Contents.published(curator.token(), Contents.body("Written compactly"));
        Api.as(sharer.token()).body(java.util.Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", item)
                .then().statusCode(201);
        String feed = Api.as(sharer.token()).get("/api/v1/feed").then().statusCode(200).extract().asString();
        String content = Api.as(curator.token()).get("/api/v1/content/{id}", item).then().statusCode(200).extract()
                .asString();

        ObjectMapper jackson = new ObjectMapper();
        assertThat(feed).isEqualTo(jackson.writeValueAsString(jackson.readTree(feed))).contains("\"sharedByMe\":true");
        assertThat(content).isEqualTo(jackson.writeValueAsString(jackson.readTree(content)));
    }

    private static void awaitInFeed(String token, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Contents.feedIds(token, "?limit=100").contains(id)) {
            assertThat(System.nanoTime() - deadline).as("content %s in the feed in time", id).isNegative();
            Thread.onSpinWait();
        }
    }

}
