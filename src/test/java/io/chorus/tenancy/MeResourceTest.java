package io.chorus.tenancy;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeResourceTest {

    @Test
    void meDescribesTheCallerAndTheirOrganization() {
        Org org = Organizations.create();
        String group = org.group("Paris", "location");
        Person member = org.member(List.of(group), "ambassador", "curator");

        Api.as(member.token()).get("/api/v1/me").then().statusCode(200).body("id", equalTo(member.id()))
                .body("email", equalTo(member.email())).body("groupIds", equalTo(List.of(group)))
                .body("language", equalTo("en")).body("organization.id", equalTo(org.id()))
                .body("organization.slug", equalTo(org.slug()));
    }

    @Test
    void aMemberChangesTheirNameAndLanguageButNotTheirRoles() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");

        Api.as(member.token()).body(Map.of("name", "Zoé", "language", "fr")).patch("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("Zoé")).body("language", equalTo("fr"));
        Api.as(member.token()).body(Map.of("roles", List.of("admin"))).patch("/api/v1/me").then().statusCode(400);
        Api.as(member.token()).body(Map.of("name", "   ")).patch("/api/v1/me").then().statusCode(400);
        Api.as(member.token()).get("/api/v1/me").then().body("roles", equalTo(List.of("ambassador"))).body("name",
                equalTo("Zoé"));
    }
}
