package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One item, many languages: variants on create, patch and read; the feed shows each member theirs. */
@QuarkusTest
class LanguageVariantsTest {

    static Map<String, Object> french() {
        Map<String, Object> fr = new HashMap<>();
        fr.put("title", "Lancement");
        fr.put("body", "Notre nouveau produit");
        fr.put("suggestedMessages", Map.of("linkedin", "Découvrez notre lancement"));
        return fr;
    }

    static Map<String, Object> launch() {
        Map<String, Object> body = Contents.body("Launch");
        body.put("body", "Our new product");
        body.put("suggestedMessages", Map.of("linkedin", "See our launch"));
        body.put("variants", Map.of("FR", french()));
        return body;
    }

    static Person speaking(Org org, String language) {
        Person member = org.member("ambassador");
        Api.as(member.token()).body(Map.of("language", language)).patch("/api/v1/me").then().statusCode(200);
        return member;
    }

    @Test
    void variantsAreStoredInCanonicalLanguagesAndReplacedByAPatch() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        JsonPath created = Contents.create(curator.token(), launch());
        String id = created.getString("id");
        assertThat(created.getString("variants.fr.title")).isEqualTo("Lancement");
        assertThat(created.getString("variants.fr.suggestedMessages.linkedin")).isEqualTo("Découvrez notre lancement");
        assertThat(created.getMap("alternativeMessages")).isEmpty();

        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(200).body("variants.fr.body",
                equalTo("Notre nouveau produit"));

        Api.as(curator.token()).body(Map.of("variants", Map.of("de", Map.of("title", "Start"))))
                .patch("/api/v1/content/{id}", id).then().statusCode(200).body("variants.de.title", equalTo("Start"))
                .body("variants.fr", equalTo(null)).body("variants.de.body", equalTo(null));
        Api.as(curator.token()).body(Map.of("title", "Launch day")).patch("/api/v1/content/{id}", id).then()
                .statusCode(200).body("variants.de.title", equalTo("Start"));
        Api.as(curator.token()).body(Map.of("variants", Map.of())).patch("/api/v1/content/{id}", id).then()
                .statusCode(200).body("variants.size()", equalTo(0));
    }

    @Test
    void aVariantIsCheckedLikeTheItemAndBadInputChangesNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String id = Contents.create(curator.token(), launch()).getString("id");

        Map<String, Object> tooLong = french();
        tooLong.put("suggestedMessages", Map.of("x", "x".repeat(257)));
        List<Map<String, Object>> wrong = List.of(Map.of("variants", Map.of("not a language!", french())),
                Map.of("variants", Map.of("en", french())), Map.of("variants", Map.of("fr", tooLong)),
                Map.of("variants", Map.of("fr", Map.of("body", "no title"))),
                Map.of("variants", Map.of("fr", french(), "FR", french())));
        List<String> fields = List.of("variants", "variants.en", "variants.fr.suggestedMessages.x", "variants.fr.title",
                "variants");
        for (int i = 0; i < wrong.size(); i++) {
            String expected = fields.get(i);
            JsonPath problem = Api.as(curator.token()).body(wrong.get(i)).patch("/api/v1/content/{id}", id).then()
                    .statusCode(400).contentType("application/problem+json").extract().jsonPath();
            assertThat(problem.getList("violations.field", String.class)).as("%s", wrong.get(i))
                    .anySatisfy(field -> assertThat(field).contains(expected));
        }
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(200)
                .body("variants.fr.title", equalTo("Lancement")).body("variants.size()", equalTo(1));

        // The item's own language may not turn into one of its variants'.
        Api.as(curator.token()).body(Map.of("language", "fr")).patch("/api/v1/content/{id}", id).then().statusCode(400)
                .body("violations.field", hasItem("variants.fr"));
    }

    @Test
    void theFeedShowsEachMemberTheVariantOfTheirLanguageElseTheItemsOwn() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person francophone = speaking(org, "fr");
        Person german = speaking(org, "de");
        String id = Contents.published(curator.token(), launch());
        String plain = Contents.published(curator.token(), Contents.body("Plain"));

        JsonPath fr = Api.as(francophone.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        assertThat(fr.getList("items.id", String.class)).containsExactly(plain, id);
        assertThat(fr.getString("items[1].title")).isEqualTo("Lancement");
        assertThat(fr.getString("items[1].body")).isEqualTo("Notre nouveau produit");
        assertThat(fr.getString("items[1].language")).isEqualTo("fr");
        assertThat(fr.getString("items[1].suggestedMessages.linkedin")).isEqualTo("Découvrez notre lancement");
        assertThat(fr.getString("items[0].title")).isEqualTo("Plain");

        JsonPath de = Api.as(german.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        assertThat(de.getString("items[1].title")).as("no German variant: the item's own").isEqualTo("Launch");
        assertThat(de.getString("items[1].language")).isEqualTo("en");
        assertThat(de.getString("items[1].suggestedMessages.linkedin")).isEqualTo("See our launch");

        // The language filter matches the language shown.
        assertThat(Contents.feedIds(francophone.token(), "?language=fr")).containsExactly(id);
        assertThat(Contents.feedIds(francophone.token(), "?language=en")).containsExactly(plain);
        assertThat(Contents.feedIds(german.token(), "?language=en")).containsExactly(plain, id);
        assertThat(Contents.feedIds(german.token(), "?language=fr")).isEmpty();

        // An edit of the variant shows at once (the remembered JSON is per row version).
        Map<String, Object> retitled = french();
        retitled.put("title", "Lancement !");
        Api.as(curator.token()).body(Map.of("variants", Map.of("fr", retitled))).patch("/api/v1/content/{id}", id)
                .then().statusCode(200);
        Api.as(francophone.token()).get("/api/v1/feed").then().body("items[1].title", equalTo("Lancement !"));

        // Sharing records the language shown and uses the variant's message.
        JsonPath share = Api.as(francophone.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().jsonPath();
        assertThat(share.getString("message")).isEqualTo("Découvrez notre lancement");
        Api.as(francophone.token()).get("/api/v1/shares/{id}", share.getString("id")).then().statusCode(200)
                .body("language", equalTo("fr")).body("messageIndex", equalTo(0)).body("edited", equalTo(false));
        JsonPath germanShare = Api.as(german.token()).body(Map.of("network", "x"))
                .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().jsonPath();
        assertThat(germanShare.getString("message")).as("no message for x: the title").isEqualTo("Launch");
        Api.as(german.token()).get("/api/v1/shares/{id}", germanShare.getString("id")).then()
                .body("language", equalTo("en")).body("messageIndex", equalTo(null));
    }
}
