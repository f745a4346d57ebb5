package io.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class AuthResourceTest {

    @Test
    void loginAnswersATokenPairWithTheClaimsOfTheContract() {
        Org org = Organizations.create();
        Person curator = org.member("curator", "analyst");

        JsonPath tokens = Api.login(org.slug(), curator.email().toUpperCase(), Organizations.PASSWORD).then()
                .statusCode(200).extract().jsonPath();

        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expiresIn")).isBetween(1L, 900L);
        assertThat(tokens.getString("refreshToken")).hasSizeGreaterThanOrEqualTo(43);
        JsonPath claims = claims(tokens.getString("accessToken"));
        assertThat(claims.getString("sub")).isEqualTo(curator.id());
        assertThat(claims.getString("upn")).isEqualTo(curator.email());
        assertThat(claims.getString("org")).isEqualTo(org.id());
        assertThat(claims.getList("groups", String.class)).containsExactlyInAnyOrder("curator", "analyst");
        assertThat(claims.getString("iss")).isNotBlank();
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isBetween(1L, 900L);
        assertThat(header(tokens.getString("accessToken")).getString("alg")).isEqualTo("RS256");
    }

    @Test
    void everyWrongCredentialGetsTheSameAnswer() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");

        List<Response> failures = List.of(Api.login(org.slug(), member.email(), "wrong password!"),
                Api.login(org.slug(), "nobody@" + org.slug() + ".example", Organizations.PASSWORD),
                Api.login("no-such-organization", member.email(), Organizations.PASSWORD),
                Api.login(null, member.email(), Organizations.PASSWORD));

        for (Response failure : failures) {
            failure.then().statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("The organization, email or password is wrong."))
                    .body("status", equalTo(401));
        }
        assertThat(failures.stream().map(r -> r.jsonPath().getMap("$")).distinct()).hasSize(1);
    }

    @Test
    void operatorLogsInWithoutOrganizationAndGetsNoOrgClaim() {
        String token = Organizations.operatorToken();
        JsonPath claims = claims(token);
        assertThat(claims.getList("groups", String.class)).containsExactly("operator");
        assertThat(claims.getString("org")).isNull();
    }

    @Test
    void refreshRotatesAndAReusedTokenEndsTheWholeSession() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        String first = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(200).extract()
                .path("refreshToken");

        JsonPath rotated = refresh(first).then().statusCode(200).extract().jsonPath();
        String second = rotated.getString("refreshToken");
        assertThat(second).isNotEqualTo(first);
        Api.as(rotated.getString("accessToken")).get("/api/v1/me").then().statusCode(200).body("id",
                equalTo(member.id()));

        // The first token was used: presenting it again is a theft signal...
        refresh(first).then().statusCode(401).contentType("application/problem+json");
        // ...so the token that legitimately followed it is revoked too.
        refresh(second).then().statusCode(401);
    }

    @Test
    void anotherLoginKeepsItsOwnSessionWhenOneIsRevoked() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        String phone = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract()
                .path("refreshToken");
        String laptop = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract()
                .path("refreshToken");

        refresh(phone).then().statusCode(200);
        refresh(phone).then().statusCode(401);

        refresh(laptop).then().statusCode(200);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refresh("not-a-token-we-issued").then().statusCode(401).body("title", equalTo("Unauthorized"));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        JsonPath tokens = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract().jsonPath();

        Api.as(tokens.getString("accessToken")).body(Map.of("refreshToken", tokens.getString("refreshToken")))
                .post("/api/v1/auth/logout").then().statusCode(204);

        refresh(tokens.getString("refreshToken")).then().statusCode(401);
    }

    @Test
    void logoutWithoutBodyEndsEverySessionOfTheCaller() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        String one = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract()
                .path("refreshToken");
        String two = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract()
                .path("refreshToken");

        Api.as(member.token()).post("/api/v1/auth/logout").then().statusCode(204);

        refresh(one).then().statusCode(401);
        refresh(two).then().statusCode(401);
    }

    @Test
    void logoutNeedsAToken() {
        Api.anonymous().post("/api/v1/auth/logout").then().statusCode(401);
    }

    @Test
    void aDeactivatedMemberCannotLogInNorRefresh() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        String refreshToken = Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().extract()
                .path("refreshToken");

        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", member.id())
                .then().statusCode(200).body("status", equalTo("deactivated"));

        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(401).body("detail",
                equalTo("The organization, email or password is wrong."));
        refresh(refreshToken).then().statusCode(401);

        Api.as(org.admin().token()).body(Map.of("status", "active")).patch("/api/v1/members/{id}", member.id()).then()
                .statusCode(200);
        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(200);
    }

    @Test
    void aDeactivatedMembersAccessTokenStopsWorkingAtOnce() {
        Org org = Organizations.create();
        Person member = org.member("ambassador", "curator");
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200);

        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", member.id())
                .then().statusCode(200);

        Api.as(member.token()).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        Api.as(member.token()).get("/api/v1/content").then().statusCode(401);
        Api.as(org.admin().token()).body(Map.of("status", "active")).patch("/api/v1/members/{id}", member.id()).then()
                .statusCode(200);
        // Reactivated, the member may act again, with the same token while it lasts.
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        for (int i = 0; i < 5; i++) {
            Api.login(org.slug(), member.email(), "wrong password " + i).then().statusCode(401);
        }

        Response locked = Api.login(org.slug(), member.email(), Organizations.PASSWORD);

        locked.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("Try again"));
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 15 * 60 + 1);
        // Another account of the same organization is not affected.
        Person other = org.member("ambassador");
        Api.login(org.slug(), other.email(), Organizations.PASSWORD).then().statusCode(200);
    }

    @Test
    void oneClientAddressFailingAcrossManyAccountsIsThrottled() {
        Org org = Organizations.create();
        String address = Api.freshClientAddress();
        for (int i = 0; i < 30; i++) {
            Api.login(org.slug(), "guess" + i + "@" + org.slug() + ".example", "wrong password", address).then()
                    .statusCode(401);
        }

        Api.login(org.slug(), org.admin().email(), Organizations.PASSWORD, address).then().statusCode(429)
                .header("Retry-After", notNullValue());
        Api.login(org.slug(), org.admin().email(), Organizations.PASSWORD).then().statusCode(200);
    }

    @Test
    void loginValidatesItsBody() {
        Api.anonymous().body(Map.of("organization", "x")).post("/api/v1/auth/login").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("email", "password"));
        Api.anonymous().post("/api/v1/auth/login").then().statusCode(400).contentType("application/problem+json");
    }

    static Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }

    static JsonPath claims(String jwt) {
        return part(jwt, 1);
    }

    static JsonPath header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonPath part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return new JsonPath(json);
    }
}
