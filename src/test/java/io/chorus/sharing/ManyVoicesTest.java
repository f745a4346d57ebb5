package io.chorus.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.Traffic;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Several suggested messages per network, offered in rotation; edits recorded; which messages earn clicks. */
@QuarkusTest
class ManyVoicesTest {

    static final List<String> MESSAGES = List.of("We launched", "Proud of the team", "Have a look");

    static Map<String, Object> voiced(String title) {
        Map<String, Object> body = Contents.body(title);
        body.put("suggestedMessages", Map.of("linkedin", MESSAGES.get(0)));
        body.put("alternativeMessages", Map.of("linkedin", MESSAGES.subList(1, 3)));
        return body;
    }

    static String offered(Person member, String contentId) {
        JsonPath feed = Api.as(member.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        int at = feed.getList("items.id", String.class).indexOf(contentId);
        assertThat(at).as("the item is in the feed").isNotNegative();
        return feed.getString("items[" + at + "].suggestedMessages.linkedin");
    }

    @Test
    void membersAreOfferedDifferentMessagesAndTheSameMemberAlwaysTheSame() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String id = Contents.published(curator.token(), voiced("Rotation"));
        List<Person> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            team.add(org.member("ambassador"));
        }

        Set<String> offers = new HashSet<>();
        for (Person member : team) {
            String offer = offered(member, id);
            assertThat(MESSAGES).contains(offer);
            assertThat(offered(member, id)).as("stable for the member").isEqualTo(offer);
            offers.add(offer);
        }
        assertThat(offers).as("three consecutive members, three messages").hasSize(3);

        // A share without a message uses the offered one and records which one it was.
        Person first = team.get(0);
        String offer = offered(first, id);
        JsonPath share = Api.as(first.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().jsonPath();
        assertThat(share.getString("message")).isEqualTo(offer);
        Api.as(first.token()).get("/api/v1/shares/{id}", share.getString("id")).then()
                .body("messageIndex", equalTo(MESSAGES.indexOf(offer))).body("edited", equalTo(false));

        // The offered words sent back unchanged are not an edit.
        Person second = team.get(1);
        String secondOffer = offered(second, id);
        String unchanged = Api.as(second.token()).body(Map.of("network", "linkedin", "message", " " + secondOffer))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().path("id");
        Api.as(second.token()).get("/api/v1/shares/{id}", unchanged).then().body("edited", equalTo(false))
                .body("messageIndex", equalTo(MESSAGES.indexOf(secondOffer)));

        // Other words are an edit of the offered message, and are what is shared.
        Person third = team.get(2);
        String thirdOffer = offered(third, id);
        JsonPath edited = Api.as(third.token())
                .body(Map.of("network", "linkedin", "message", thirdOffer + " — my own take"))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().jsonPath();
        assertThat(edited.getString("message")).isEqualTo(thirdOffer + " — my own take");
        Api.as(third.token()).get("/api/v1/shares/{id}", edited.getString("id")).then().body("edited", equalTo(true))
                .body("messageIndex", equalTo(MESSAGES.indexOf(thirdOffer)));
    }

    @Test
    void alternativesAreCheckedLikeMessagesAndNeedAPrimaryOne() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String id = Contents.create(curator.token(), voiced("Checked")).getString("id");
        assertThat(Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(200).extract().jsonPath()
                .getList("alternativeMessages.linkedin", String.class)).isEqualTo(MESSAGES.subList(1, 3));

        Api.as(curator.token()).body(Map.of("alternativeMessages", Map.of("x", List.of("x".repeat(300)))))
                .patch("/api/v1/content/{id}", id).then().statusCode(400)
                .body("violations.field", hasItem("alternativeMessages.x"));
        Map<String, Object> tooLong = new HashMap<>();
        tooLong.put("suggestedMessages", Map.of("x", "short"));
        tooLong.put("alternativeMessages", Map.of("x", List.of("fine", "x".repeat(300))));
        Api.as(curator.token()).body(tooLong).patch("/api/v1/content/{id}", id).then().statusCode(400)
                .body("violations.field", hasItem("alternativeMessages.x[1]"));
        Api.as(curator.token()).body(Map.of("alternativeMessages", Map.of("linkedin", List.of(" "))))
                .patch("/api/v1/content/{id}", id).then().statusCode(400);
        Api.as(curator.token())
                .body(Map.of("alternativeMessages",
                        Map.of("linkedin", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"))))
                .patch("/api/v1/content/{id}", id).then().statusCode(400);
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then()
                .body("alternativeMessages.linkedin", equalTo(MESSAGES.subList(1, 3)))
                .body("suggestedMessages.x", equalTo(null));
    }

    @Test
    void contentAnalyticsShowLanguagesMessagesAndPersonalisationWithRealClicks() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person analyst = org.member("analyst");
        Map<String, Object> body = voiced("Measured");
        body.put("variants", Map.of("fr", Map.of("title", "Mesuré", "suggestedMessages", Map.of("linkedin", "Lancé"))));
        String id = Contents.published(curator.token(), body);
        Person francophone = org.member("ambassador");
        Api.as(francophone.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200);
        List<Person> english = List.of(org.member("ambassador"), org.member("ambassador"));

        Traffic.Share french = Traffic.share(francophone, id, "linkedin");
        Traffic.Share plain = Traffic.share(english.get(0), id, "linkedin");
        JsonPath own = Api.as(english.get(1).token()).header("X-Forwarded-For", Traffic.address(english.get(1)))
                .header("User-Agent", Traffic.FIREFOX).body(Map.of("network", "linkedin", "message", "In my words"))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().jsonPath();
        Traffic.Share edited = new Traffic.Share(own.getString("id"), own.getString("code"));
        String plainOffer = offered(english.get(0), id);
        String editedOffer = offered(english.get(1), id);

        Traffic.click(french, Traffic.visitor(), Traffic.CHROME);
        Traffic.click(plain, Traffic.visitor(), Traffic.CHROME);
        Traffic.click(plain, Traffic.visitor(), Traffic.CHROME);
        Traffic.click(edited, Traffic.visitor(), Traffic.CHROME);
        Traffic.click(edited, Traffic.visitor(), Traffic.LINKEDIN_BOT);

        JsonTree analytics = Traffic.await(analyst.token(), "/api/v1/analytics/content/" + id,
                a -> a.getLong("shares") == 3 && a.getLong("clicks") == 4);
        assertThat(analytics.getList("byLanguage.language", String.class)).containsExactly("en", "fr");
        assertThat(analytics.getLong("byLanguage[0].shares")).isEqualTo(2);
        assertThat(analytics.getLong("byLanguage[0].clicks")).isEqualTo(3);
        assertThat(analytics.getLong("byLanguage[1].shares")).isEqualTo(1);
        assertThat(analytics.getLong("byLanguage[1].clicks")).isEqualTo(1);
        assertThat(analytics.getLong("editedShares")).isEqualTo(1);
        assertThat(analytics.getDouble("personalisedShareRate")).isEqualTo(0.3333);

        List<Map<String, Object>> byMessage = analytics.getList("byMessage");
        Map<String, Object> fr = byMessage.stream().filter(m -> m.get("language").equals("fr")).findFirst()
                .orElseThrow();
        assertThat(fr).containsEntry("index", 0).containsEntry("text", "Lancé").containsEntry("shares", 1)
                .containsEntry("clicks", 1).containsEntry("editedShares", 0);
        long englishShares = byMessage.stream().filter(m -> m.get("language").equals("en"))
                .mapToLong(m -> ((Number) m.get("shares")).longValue()).sum();
        assertThat(englishShares).isEqualTo(2);
        Map<String, Object> fromEdited = byMessage.stream().filter(m -> m.get("language").equals("en")
                && m.get("text").equals(editedOffer) && ((Number) m.get("editedShares")).longValue() == 1).findFirst()
                .orElseThrow();
        assertThat(fromEdited).containsEntry("network", "linkedin").containsEntry("index",
                MESSAGES.indexOf(editedOffer));
        long plainClicks = byMessage.stream()
                .filter(m -> m.get("language").equals("en") && m.get("text").equals(plainOffer))
                .mapToLong(m -> ((Number) m.get("clicks")).longValue()).sum();
        assertThat(plainClicks).as("the clicks of the message %s", plainOffer)
                .isEqualTo(plainOffer.equals(editedOffer) ? 3 : 2);

        // The overview of the range counts the same personalisation, in JSON and in CSV.
        JsonTree overview = Traffic.awaitOverview(analyst.token(), "", 3, 4);
        assertThat(overview.getLong("editedShares")).isEqualTo(1);
        assertThat(overview.getDouble("personalisedShareRate")).isEqualTo(0.3333);
        String csv = Api.as(analyst.token()).accept("text/csv").get("/api/v1/analytics/overview").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("personalisation,,,editedShares,1\r\n")
                .contains("personalisation,,,personalisedShareRate,0.3333\r\n");
    }
}
