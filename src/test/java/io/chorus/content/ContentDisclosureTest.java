package io.chorus.content;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A content item's own disclosure, and every disclosure counted in the network's length limit. */
@QuarkusTest
class ContentDisclosureTest {

    private static final String ORGANIZATION_LINE = "I work at ACME.";
    private static final String ITEM_LINE = "#ad: ACME paid for this study.";

    @Test
    void anItemsOwnDisclosureReplacesTheOrganizationsUntilItIsCleared() {
        Org org = Organizations.create();
        sharingSettings(org, Map.of("disclosure", ORGANIZATION_LINE)).then().statusCode(200);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Map<String, Object> body = Contents.body("Own line");
        body.put("disclosure", "  " + ITEM_LINE + "  ");
        body.put("suggestedMessages", Map.of("x", "Read this", "whatsapp", "Read this"));
        String id = Contents.create(curator.token(), body).getString("id");
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().body("disclosure", equalTo(ITEM_LINE));
        Api.as(curator.token()).post("/api/v1/content/{id}/publish", id).then().statusCode(200);

        share(ambassador, id, "x", null).then().statusCode(201).body("message", equalTo("Read this\n\n" + ITEM_LINE));

        Api.as(curator.token()).body(Map.of("disclosure", "  ")).patch("/api/v1/content/{id}", id).then()
                .statusCode(200).body("disclosure", nullValue());
        share(ambassador, id, "whatsapp", null).then().statusCode(201).body("message",
                equalTo("Read this\n\n" + ORGANIZATION_LINE));
        Api.as(curator.token()).body(Map.of("disclosure", "x".repeat(501))).patch("/api/v1/content/{id}", id).then()
                .statusCode(400).body("violations[0].field", equalTo("disclosure"));
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().body("disclosure", nullValue());
    }

    @Test
    void aSuggestedMessageTooLongWithTheDisclosureIsRefusedWhenSaved() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        // 280 on X: 240 characters, plus the tracked link (24), fit; with "\n\n" and the 30 characters of the line,
        // not.
        String message = "m".repeat(240);
        Map<String, Object> body = Contents.body("Long with line");
        body.put("suggestedMessages", Map.of("x", message, "linkedin", message));
        body.put("disclosure", ITEM_LINE);
        Api.as(curator.token()).body(body).post("/api/v1/content").then().statusCode(400).body("violations", hasSize(1))
                .body("violations[0].field", equalTo("suggestedMessages.x"))
                .body("violations[0].message",
                        containsString("is 296 characters, the disclosure of 30 characters " + "included"))
                .body("violations[0].message", containsString("x allows 280"));
        Api.as(curator.token()).get("/api/v1/content").then().body("items", hasSize(0));

        body.remove("disclosure");
        String id = Contents.create(curator.token(), body).getString("id");
        Api.as(curator.token()).body(Map.of("disclosure", ITEM_LINE)).patch("/api/v1/content/{id}", id).then()
                .statusCode(400).body("violations[0].field", equalTo("suggestedMessages.x"));
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().body("disclosure", nullValue());
        // The organization's line counts the same way.
        sharingSettings(org, Map.of("disclosure", ITEM_LINE)).then().statusCode(200);
        Api.as(curator.token()).body(Map.of("title", "Retitled")).patch("/api/v1/content/{id}", id).then()
                .statusCode(400).body("violations[0].field", equalTo("suggestedMessages.x"));
    }

    @Test
    void aShareTooLongBecauseOfTheDisclosureIsRefusedSayingSo() {
        Org org = Organizations.create();
        sharingSettings(org, Map.of("disclosure", ITEM_LINE, "disclosureMandatory", true)).then().statusCode(200);
        Person ambassador = org.member("ambassador");
        String id = Contents.published(org.member("curator").token(), Contents.body("Mandatory and long"));

        share(ambassador, id, "x", "w".repeat(240)).then().statusCode(400).body("type", endsWith("validation"))
                .body("violations[0].field", equalTo("message"))
                .body("violations[0].message", containsString("the disclosure of 30 characters included"));
        share(ambassador, id, "x", "w".repeat(200)).then().statusCode(201).body("message",
                equalTo("w".repeat(200) + "\n\n" + ITEM_LINE));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(1));
    }

    private static Response sharingSettings(Org org, Map<String, Object> body) {
        return Api.as(org.admin().token()).body(body).put("/api/v1/settings/sharing");
    }

    private static Response share(Person who, String content, String network, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("network", network);
        if (message != null) {
            body.put("message", message);
        }
        return Api.as(who.token()).body(body).post("/api/v1/content/{id}/shares", content);
    }
}
