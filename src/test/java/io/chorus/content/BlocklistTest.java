package io.chorus.content;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BlocklistTest {

    @Test
    void submissionsAndSuggestedMessagesMatchingTheBlocklistAre422NamingTheMatch() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token())
                .body(Map.of("phrases", List.of("insider tip"), "patterns", List.of("\\bguaranteed\\s+returns?\\b")))
                .put("/api/v1/settings/blocklist").then().statusCode(200)
                .body("phrases", equalTo(List.of("insider tip")));

        var submission = Contents.body("An Insider  Tip for you");
        Api.as(ambassador.token()).body(Contents.body("An INSIDER TIP for you")).post("/api/v1/content").then()
                .statusCode(422).contentType("application/problem+json").body("type", endsWith("blocklisted"))
                .body("detail", containsString("insider tip")).body("violations[0].field", equalTo("title"));
        submission.put("title", "Fine title");
        submission.put("suggestedMessages", Map.of("linkedin", "GUARANTEED returns, really"));
        Api.as(ambassador.token()).body(submission).post("/api/v1/content").then().statusCode(422)
                .body("violations[0].field", equalTo("suggestedMessages.linkedin"))
                .body("detail", containsString("GUARANTEED returns".toLowerCase()));
        Api.as(curator.token()).body(submission).post("/api/v1/content").then().statusCode(422);

        // Whole words only: "tipping" is not "tip", and a curator's own title is not a submission.
        var curated = Contents.body("Insider tip from the CEO");
        curated.put("suggestedMessages", Map.of("linkedin", "Insider tipping point"));
        Api.as(curator.token()).body(curated).post("/api/v1/content").then().statusCode(201);
        Api.as(curator.token()).get("/api/v1/moderation/queue").then().body("items", hasSize(0));
    }

    @Test
    void theBlocklistIsValidatedAndOnlyAdminsChangeIt() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Api.as(org.admin().token()).body(Map.of("phrases", List.of(), "patterns", List.of("(unclosed")))
                .put("/api/v1/settings/blocklist").then().statusCode(400)
                .body("violations[0].field", equalTo("patterns[0]"));
        Api.as(curator.token()).body(Map.of("phrases", List.of("x"), "patterns", List.of()))
                .put("/api/v1/settings/blocklist").then().statusCode(403);
        Api.as(curator.token()).get("/api/v1/settings/blocklist").then().statusCode(200).body("phrases", hasSize(0))
                .body("patterns", hasSize(0));
    }

    @Test
    void aPathologicalPatternCannotStallARequest() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("phrases", List.of(), "patterns", List.of("(.*a){61}")))
                .put("/api/v1/settings/blocklist").then().statusCode(200);

        Api.as(ambassador.token()).body(Contents.body("a".repeat(60) + "!")).post("/api/v1/content").then()
                .statusCode(422).body("detail", containsString("too complex"));
    }
}
