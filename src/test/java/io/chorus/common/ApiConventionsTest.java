package io.chorus.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error is RFC 9457 problem+json, without stack traces or class names. */
@QuarkusTest
class ApiConventionsTest {

    @Test
    void unknownPathUnderTheApiIs404Problem() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
        Api.anonymous().get("/api/v2/anything").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongVerbIs405Problem() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).put("/api/v1/me").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        Api.anonymous().contentType(ContentType.TEXT).body("email=x").post("/api/v1/auth/login").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        Api.anonymous().body("{\"email\": ").post("/api/v1/auth/login").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("The body is not valid JSON."))
                .body(not(containsString("Exception"))).body(not(containsString("jackson")));
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("name", "G", "kind", "tribe")).post("/api/v1/groups").then()
                .statusCode(400).body("violations[0].field", equalTo("kind"));
        Api.as(org.admin().token()).body(Map.of("name", "G", "kind", "team", "colour", "red")).post("/api/v1/groups")
                .then().statusCode(400).body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", equalTo("unknown field"));
        Api.as(org.admin().token()).body("[1, 2]").post("/api/v1/groups").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIs413Problem() {
        String big = "{\"email\":\"" + "a".repeat(1_100_000) + "\",\"password\":\"x\"}";
        Api.anonymous().body(big).post("/api/v1/auth/login").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void healthMetricsAndTheContractAreServed() {
        Api.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/q/health/live").then().statusCode(200);
        Api.anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"));
        Api.anonymous().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/members"));
    }
}
