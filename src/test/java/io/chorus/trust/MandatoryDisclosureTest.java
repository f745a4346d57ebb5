package io.chorus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MandatoryDisclosureTest {

    private static final String DISCLOSURE = "I work at ACME 🚀.";

    @Test
    void anOptionalDisclosureCanBeLeftOutOfAnAmbassadorsOwnWords() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        settings(org, Map.of("disclosure", DISCLOSURE)).then().statusCode(200).body("disclosureMandatory",
                equalTo(false));
        String content = Contents.published(org.member("curator").token(), Contents.body("Optional"));

        share(ambassador, content, "x", "My own words").then().statusCode(201).body("message", equalTo("My own words"));
        share(ambassador, content, "whatsapp", null).then().statusCode(201).body("message",
                equalTo("Optional\n\n" + DISCLOSURE));
    }

    @Test
    void aMandatoryDisclosureIsInEveryRecordedMessageAndIntentUrl() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        settings(org, Map.of("disclosure", DISCLOSURE, "disclosureMandatory", true)).then().statusCode(200)
                .body("disclosure", equalTo(DISCLOSURE)).body("disclosureMandatory", equalTo(true));
        Api.as(ambassador.token()).get("/api/v1/settings/sharing").then().body("disclosureMandatory", equalTo(true));
        String content = Contents.published(org.member("curator").token(), Contents.body("Mandatory"));

        JsonPath x = share(ambassador, content, "x", "Edited, and the disclosure removed").then().statusCode(201)
                .extract().jsonPath();
        assertThat(x.getString("message")).isEqualTo("Edited, and the disclosure removed\n\n" + DISCLOSURE);
        assertThat(URLDecoder.decode(x.getString("intentUrl"), StandardCharsets.UTF_8)).contains(DISCLOSURE);
        share(ambassador, content, "email", "Kept it: " + DISCLOSURE + " Bye").then().statusCode(201).body("message",
                equalTo("Kept it: " + DISCLOSURE + " Bye"));
        share(ambassador, content, "whatsapp", "I work at ACME.").then().statusCode(201).body("message",
                equalTo("I work at ACME.\n\n" + DISCLOSURE));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items.message",
                everyItem(containsString(DISCLOSURE)));
    }

    @Test
    void aMandatoryDisclosureNeedsADisclosureAndChangesAreAudited() {
        Org org = Organizations.create();
        settings(org, Map.of("disclosureMandatory", true)).then().statusCode(400).body("violations[0].field",
                equalTo("disclosureMandatory"));
        settings(org, Map.of("disclosure", DISCLOSURE, "disclosureMandatory", true)).then().statusCode(200);
        settings(org, Map.of("disclosure", DISCLOSURE)).then().statusCode(200).body("disclosureMandatory",
                equalTo(false));
        Api.as(org.admin().token()).get("/api/v1/audit-events?action=settings.sharing.changed").then().statusCode(200)
                .body("items.detail.disclosureMandatory", equalTo(java.util.List.of(false, true)));
    }

    private static io.restassured.response.Response settings(Org org, Map<String, Object> body) {
        return Api.as(org.admin().token()).body(body).put("/api/v1/settings/sharing");
    }

    private static io.restassured.response.Response share(Person who, String content, String network, String message) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("network", network);
        if (message != null) {
            body.put("message", message);
        }
        return Api.as(who.token()).body(body).post("/api/v1/content/{id}/shares", content);
    }
}
