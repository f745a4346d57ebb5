package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every action a curator can take, on an item in every status: only the lifecycle's arrows work. */
@QuarkusTest
class ContentTransitionsTest {

    private static final List<String> ACTIONS = List.of("publish", "approve", "reject", "archive", "delete");

    /** The statuses, and for each the actions that are legal from it. */
    private static final Map<String, List<String>> LEGAL = new LinkedHashMap<>();

    static {
        LEGAL.put("draft", List.of("publish", "delete"));
        LEGAL.put("pending_review", List.of("approve", "reject"));
        LEGAL.put("rejected", List.of());
        LEGAL.put("scheduled", List.of("archive"));
        LEGAL.put("published", List.of("archive"));
        LEGAL.put("expired", List.of("archive"));
        LEGAL.put("archived", List.of());
    }

    @Inject
    DataSource database;

    @Test
    void onlyTheLifecyclesArrowsAreLegalAndIllegalOnesNameTheStatus() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        SoftAssertions soft = new SoftAssertions();
        for (var status : LEGAL.entrySet()) {
            for (String action : ACTIONS) {
                String id = itemIn(status.getKey(), curator, ambassador);
                Response response = act(curator, action, id);
                boolean legal = status.getValue().contains(action);
                soft.assertThat(response.statusCode()).as("%s on %s", action, status.getKey())
                        .isEqualTo(legal ? (action.equals("delete") ? 204 : 200) : 409);
                if (!legal) {
                    soft.assertThat(response.jsonPath().getString("detail")).as("%s on %s", action, status.getKey())
                            .contains("is " + status.getKey() + ";");
                    soft.assertThat(status(curator, id)).as("unchanged after %s", action).isEqualTo(status.getKey());
                }
            }
        }
        soft.assertAll();
    }

    private String itemIn(String status, Person curator, Person ambassador) throws Exception {
        return switch (status) {
            case "draft" -> Contents.create(curator.token(), Contents.body("Draft")).getString("id");
            case "pending_review" -> Contents.create(ambassador.token(), Contents.body("Idea")).getString("id");
            case "rejected" -> {
                String id = Contents.create(ambassador.token(), Contents.body("Idea")).getString("id");
                Api.as(curator.token()).body(Map.of("reason", "No")).post("/api/v1/content/{id}/reject", id).then()
                        .statusCode(200);
                yield id;
            }
            case "scheduled" ->
                    Contents.scheduled(curator.token(), Contents.body("Later"), Time.now().plusSeconds(3600));
            case "published" -> Contents.published(curator.token(), Contents.body("Now"));
            case "expired" -> {
                String id = Contents.published(curator.token(), Contents.body("Gone"));
                try (Connection c = database.getConnection();
                        PreparedStatement s = c
                                .prepareStatement("update content set expires_at = ? where id = ?::uuid")) {
                    // A second ago on the service's clock (the database's now() is the machine's).
                    s.setObject(1, Time.now().minusSeconds(1).atOffset(ZoneOffset.UTC));
                    s.setString(2, id);
                    s.executeUpdate();
                }
                assertThat(status(curator, id)).isEqualTo("expired");
                yield id;
            }
            case "archived" -> {
                String id = Contents.published(curator.token(), Contents.body("Old"));
                Api.as(curator.token()).post("/api/v1/content/{id}/archive", id).then().statusCode(200);
                yield id;
            }
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static Response act(Person curator, String action, String id) {
        return switch (action) {
            case "delete" -> Api.as(curator.token()).delete("/api/v1/content/{id}", id);
            case "reject" ->
                    Api.as(curator.token()).body(Map.of("reason", "Because")).post("/api/v1/content/{id}/reject", id);
            default -> Api.as(curator.token()).post("/api/v1/content/{id}/" + action, id);
        };
    }

    private static String status(Person curator, String id) {
        return Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(200).extract().path("status");
    }
}
