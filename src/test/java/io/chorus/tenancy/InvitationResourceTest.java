package io.chorus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InvitationResourceTest {

    @Inject
    DataSource database;

    @Test
    void anInvitationWorksOnceAndTheMemberCanThenLogIn() {
        Org org = Organizations.create();
        JsonPath invited = invite(org, "new@x.example");
        String token = invited.getString("invitation.token");

        Api.anonymous().body(Map.of("name", "New Person", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", token).then().statusCode(200)
                .body("memberId", equalTo(invited.getString("id"))).body("organization.id", equalTo(org.id()))
                .body("organization.slug", equalTo(org.slug()));

        Api.anonymous().body(Map.of("name", "Someone Else", "password", "another password"))
                .post("/api/v1/invitations/{t}/accept", token).then().statusCode(410)
                .contentType("application/problem+json").body("type", endsWith("invitation-used"));
        String access = Api.accessToken(org.slug(), "new@x.example", Organizations.PASSWORD);
        Api.as(access).get("/api/v1/me").then().statusCode(200).body("name", equalTo("New Person")).body("roles",
                equalTo(List.of("ambassador")));
        Api.login(org.slug(), "new@x.example", "another password").then().statusCode(401);
    }

    @Test
    void anExpiredInvitationIsGone() throws Exception {
        Org org = Organizations.create();
        String token = invite(org, "slow@x.example").getString("invitation.token");
        try (Connection c = database.getConnection();
                PreparedStatement s = c
                        .prepareStatement("update invitations set expires_at = ? where token_hash = ?")) {
            // A second ago on the service's clock (the database's now() is the machine's).
            s.setObject(1, Time.now().minusSeconds(1).atOffset(ZoneOffset.UTC));
            s.setString(2, SecretTokens.hash(token));
            s.executeUpdate();
        }

        Api.anonymous().body(Map.of("name", "Slow", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", token).then().statusCode(410)
                .body("type", endsWith("invitation-expired"));
        Api.login(org.slug(), "slow@x.example", Organizations.PASSWORD).then().statusCode(401);
    }

    @Test
    void theDatabaseNeverHoldsAnInvitationTokenInClear() throws Exception {
        Org org = Organizations.create();
        String token = Api.as(org.admin().token()).header("Idempotency-Key", "invite-hashed")
                .body(Map.of("email", "hashed@x.example", "name", "Invitee", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).extract().path("invitation.token");
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select (select count(*) from invitations where token_hash = ?1 or token_hash = ?2)
                             + (select count(*) from idempotency_records
                                where sealed_body like '%' || ?1 || '%' or key_hash = 'invite-hashed')
                        """.replace("?1", "?").replace("?2", "?"))) {
            s.setString(1, token);
            s.setString(2, token);
            s.setString(3, token);
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        // ...yet the retry still answers the same invitation.
        Api.as(org.admin().token()).header("Idempotency-Key", "invite-hashed")
                .body(Map.of("email", "hashed@x.example", "name", "Invitee", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).body("invitation.token", equalTo(token));
    }

    @Test
    void aShortPasswordIsRefusedAndTheInvitationStaysUsable() {
        Org org = Organizations.create();
        String token = invite(org, "short@x.example").getString("invitation.token");

        Api.anonymous().body(Map.of("name", "Short", "password", "123456789"))
                .post("/api/v1/invitations/{t}/accept", token).then().statusCode(400)
                .body("violations[0].field", equalTo("password"));
        Api.anonymous().body(Map.of("password", Organizations.PASSWORD)).post("/api/v1/invitations/{t}/accept", token)
                .then().statusCode(400).body("violations[0].field", equalTo("name"));

        Organizations.accept(token, "Short");
    }

    @Test
    void aTokenOfAnotherOrganizationSentAlongDoesNotGetInTheWay() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        String token = invite(org, "two-hats@x.example").getString("invitation.token");

        Api.as(other.admin().token()).body(Map.of("name", "Two Hats", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", token).then().statusCode(200)
                .body("organization.id", equalTo(org.id()));
    }

    @Test
    void anUnknownTokenIsNotFound() {
        Api.anonymous().body(Map.of("name", "X", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", "no-such-token").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDeactivatedInviteeCannotAccept() {
        Org org = Organizations.create();
        JsonPath invited = invite(org, "gone@x.example");
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", invited.getString("id")).then().statusCode(200);

        Api.anonymous().body(Map.of("name", "Gone", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", invited.getString("invitation.token")).then().statusCode(410);
    }

    private static JsonPath invite(Org org, String email) {
        return Api.as(org.admin().token())
                .body(Map.of("email", email, "name", "Invitee", "roles", List.of("ambassador"))).post("/api/v1/members")
                .then().statusCode(201).extract().jsonPath();
    }
}
