package io.chorus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class GroupResourceTest {

    @Test
    void adminCreatesRenamesAndDeletesGroupsMembersReadThem() {
        Org org = Organizations.create();
        String id = Api.as(org.admin().token()).body(Map.of("name", "Lyon", "kind", "location")).post("/api/v1/groups")
                .then().statusCode(201)
                .header("Location",
                        endsWith("/api/v1/groups/" + Api.as(org.admin().token()).get("/api/v1/groups").jsonPath()
                                .getString("items[0].id")))
                .body("name", equalTo("Lyon")).body("kind", equalTo("location")).body("memberCount", equalTo(0))
                .extract().path("id");
        Person ambassador = org.member(List.of(id), "ambassador");

        Api.as(ambassador.token()).get("/api/v1/groups/{id}", id).then().statusCode(200).body("memberCount",
                equalTo(1));
        Api.as(ambassador.token()).get("/api/v1/me").then().body("groupIds", equalTo(List.of(id)));
        Api.as(org.admin().token()).body(Map.of("name", "Lyon Part-Dieu")).patch("/api/v1/groups/{id}", id).then()
                .statusCode(200).body("name", equalTo("Lyon Part-Dieu")).body("kind", equalTo("location"));

        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", id).then().statusCode(204);

        Api.as(org.admin().token()).get("/api/v1/groups/{id}", id).then().statusCode(404);
        Api.as(ambassador.token()).get("/api/v1/me").then().statusCode(200).body("groupIds", hasSize(0));
    }

    @Test
    void aGroupThatContentOrACampaignAimsAtCannotBeDeleted() {
        Org org = Organizations.create();
        String lyon = org.group("Lyon", "location");
        Person curator = org.member("curator");
        String content = Contents.published(curator.token(), Contents.body("Lyon only", List.of(lyon)));
        String campaign = Api.as(curator.token())
                .body(Map.of("name", "Lyon week", "startsAt", Time.now().toString(), "endsAt",
                        Time.now().plusSeconds(86_400).toString(), "contentIds", List.of(content), "targetGroupIds",
                        List.of(lyon)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");

        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", lyon).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("group-in-use"))
                .body("detail", startsWith("1 content item(s) and 1 campaign(s)"));
        Api.as(org.admin().token()).get("/api/v1/groups/{id}", lyon).then().statusCode(200);
        Api.as(curator.token()).get("/api/v1/content/{id}", content).then().body("targetGroupIds",
                equalTo(List.of(lyon)));

        Api.as(curator.token()).body(Map.of("targetGroupIds", List.of())).patch("/api/v1/campaigns/{id}", campaign)
                .then().statusCode(200);
        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", lyon).then().statusCode(409).body("detail",
                startsWith("1 content item(s) and 0 campaign(s)"));
        Api.as(curator.token()).body(Map.of("targetGroupIds", List.of())).patch("/api/v1/content/{id}", content).then()
                .statusCode(200);
        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", lyon).then().statusCode(204);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        Org org = Organizations.create();
        org.group("Marketing", "department");
        Api.as(org.admin().token()).body(Map.of("name", "MARKETING", "kind", "team")).post("/api/v1/groups").then()
                .statusCode(409).body("type", endsWith("group-name-taken"));
        String other = org.group("Sales", "department");
        Api.as(org.admin().token()).body(Map.of("name", "marketing")).patch("/api/v1/groups/{id}", other).then()
                .statusCode(409);
    }

    @Test
    void listPagesInNameOrder() {
        Org org = Organizations.create();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            org.group(name, "team");
        }
        List<String> names = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = Api.as(org.admin().token()).queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/groups").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(names).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");
    }
}
