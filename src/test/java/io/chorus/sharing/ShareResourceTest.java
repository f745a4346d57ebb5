package io.chorus.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ShareResourceTest {

    private static final String TRICKY = "R&D #1 à Zürich 🎉 50% off?";

    @Test
    void aShareHasItsOwnShortLinkAndAskingAgainAnswersTheSameShare() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Big news"));

        JsonPath first = share(ambassador, content, Map.of("network", "linkedin")).then().statusCode(201).extract()
                .jsonPath();
        JsonPath again = share(ambassador, content, Map.of("network", "linkedin", "message", "Different words")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(first.getString("code")).matches("[A-Za-z0-9_-]{10}");
        assertThat(first.getString("shortUrl")).isEqualTo("http://localhost:8080/s/" + first.getString("code"));
        assertThat(first.getString("contentId")).isEqualTo(content);
        assertThat(first.getString("network")).isEqualTo("linkedin");
        assertThat(again.getMap("$")).isEqualTo(first.getMap("$"));
        assertThat(first.getString("intentUrl")).isEqualTo(
                "https://www.linkedin.com/sharing/share-offsite/?url=" + encoded(first.getString("shortUrl")));
        Api.as(ambassador.token()).get("/api/v1/feed").then().body("items[0].sharedByMe", equalTo(true));
        Person colleague = org.member("ambassador");
        Api.as(colleague.token()).get("/api/v1/feed").then().body("items[0].sharedByMe", equalTo(false));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().statusCode(200).body("items.id",
                equalTo(List.of(first.getString("id"))));
    }

    @Test
    void intentUrlsCarryTheMessageAndLinkCorrectlyEncodedForEveryNetwork() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Map<String, Object> body = Contents.body("Title & more");
        body.put("title", "Title & \"more\" #1");
        String content = Contents.published(curator.token(), body);
        Map<String, String> intents = new HashMap<>();
        String shortUrl = null;
        for (String network : List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email")) {
            JsonPath shared = share(ambassador, content, Map.of("network", network, "message", TRICKY)).then()
                    .statusCode(201).body("message", equalTo(TRICKY)).extract().jsonPath();
            intents.put(network, shared.getString("intentUrl"));
            shortUrl = shared.getString("shortUrl").replaceAll("/s/.*", "/s/");
        }

        assertThat(query(intents.get("x"))).containsEntry("text", TRICKY).extractingByKey("url").asString()
                .startsWith(shortUrl);
        assertThat(intents.get("x")).startsWith("https://x.com/intent/tweet?").doesNotContain(" ").doesNotContain("#1")
                .contains("%F0%9F%8E%89").contains("%26");
        assertThat(query(intents.get("facebook")).get("u")).startsWith(shortUrl);
        assertThat(intents.get("facebook")).startsWith("https://www.facebook.com/sharer/sharer.php?u=");
        assertThat(query(intents.get("xing")).get("url")).startsWith(shortUrl);
        assertThat(query(intents.get("whatsapp")).get("text")).startsWith(TRICKY + " " + shortUrl);
        assertThat(intents.get("whatsapp")).startsWith("https://wa.me/?text=");
        URI mail = URI.create(intents.get("email"));
        assertThat(mail.getScheme()).isEqualTo("mailto");
        assertThat(intents.get("email")).doesNotContain("+").contains("%20").contains("%0A%0A");
        Map<String, String> mailParams = query(intents.get("email"));
        assertThat(mailParams.get("subject")).isEqualTo("Title & \"more\" #1");
        assertThat(mailParams.get("body")).startsWith(TRICKY + "\n\n" + shortUrl);
    }

    @Test
    void theMessageDefaultsToTheSuggestionAndCarriesTheDisclosure() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("disclosure", "I work at ACME.")).put("/api/v1/settings/sharing").then()
                .statusCode(200).body("disclosure", equalTo("I work at ACME."));
        Map<String, Object> body = Contents.body("Launch day");
        body.put("suggestedMessages", Map.of("linkedin", "We launched!"));
        String content = Contents.published(curator.token(), body);

        share(ambassador, content, Map.of("network", "linkedin")).then().statusCode(201).body("message",
                equalTo("We launched!\n\nI work at ACME."));
        share(ambassador, content, Map.of("network", "facebook")).then().statusCode(201).body("message",
                equalTo("Launch day\n\nI work at ACME."));
        share(ambassador, content, Map.of("network", "xing", "message", "Mine. I work at ACME.")).then().statusCode(201)
                .body("message", equalTo("Mine. I work at ACME."));
        share(ambassador, content, Map.of("network", "x", "message", "x".repeat(300))).then().statusCode(400)
                .body("violations[0].field", equalTo("message"));
        Api.as(ambassador.token()).get("/api/v1/settings/sharing").then().statusCode(200);
        Api.as(ambassador.token()).body(Map.of("disclosure", "")).put("/api/v1/settings/sharing").then()
                .statusCode(403);
    }

    @Test
    void onlyPublishedContentInTheCallersFeedCanBeShared() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String elsewhere = org.group("Elsewhere", "team");
        Person ambassador = org.member("ambassador");
        String draft = Contents.create(curator.token(), Contents.body("Draft")).getString("id");
        String later = Contents.scheduled(curator.token(), Contents.body("Later"), Time.now().plusSeconds(3600));
        String archived = Contents.published(curator.token(), Contents.body("Old"));
        Api.as(curator.token()).post("/api/v1/content/{id}/archive", archived).then().statusCode(200);
        String notMine = Contents.published(curator.token(), Contents.body("Not for me", List.of(elsewhere)));
        String foreign = Contents.published(Organizations.create().member("curator").token(), Contents.body("Theirs"));

        share(ambassador, draft, Map.of("network", "x")).then().statusCode(404);
        share(ambassador, notMine, Map.of("network", "x")).then().statusCode(404);
        share(ambassador, foreign, Map.of("network", "x")).then().statusCode(404);
        share(org.admin(), later, Map.of("network", "x")).then().statusCode(409).body("detail",
                containsString("scheduled"));
        share(org.admin(), archived, Map.of("network", "x")).then().statusCode(409);
        share(ambassador, archived, Map.of("network", "mastodon")).then().statusCode(400);
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(0));
    }

    @Test
    void concurrentRequestsForTheSameShareCreateOne() throws Exception {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Race"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> share(ambassador, content, Map.of("network", "whatsapp")));
        }
        List<Future<Response>> results = pool.invokeAll(calls);
        pool.shutdown();

        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<Response> result : results) {
            Response response = result.get();
            assertThat(response.statusCode()).isIn(200, 201);
            created += response.statusCode() == 201 ? 1 : 0;
            ids.add(response.jsonPath().getString("id"));
        }
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
    }

    @Test
    void codesAreDistinctAndCarryNoPattern() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("dailyShareLimit", 30)).put("/api/v1/settings/sharing").then()
                .statusCode(200); // 30 shares in a day, beyond the default limit
        Person curator = org.member("curator");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String content = Contents.published(curator.token(), Contents.body("Item " + i));
            for (String network : List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email")) {
                codes.add(share(org.admin(), content, Map.of("network", network)).then().statusCode(201).extract()
                        .path("code"));
            }
        }
        assertThat(codes).hasSize(30).allMatch(code -> code.matches("[A-Za-z0-9_-]{10}"));
        assertThat(codes.stream().map(code -> code.substring(0, 3)).distinct().count()).isGreaterThan(25);
    }

    private static Response share(Person who, String content, Map<String, Object> body) {
        return Api.as(who.token()).body(body).post("/api/v1/content/{id}/shares", content);
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        String query = url.substring(url.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1].replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return params;
    }
}
