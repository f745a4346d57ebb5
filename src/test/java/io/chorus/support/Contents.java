package io.chorus.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Creates content through the API, as a curator or an ambassador would. */
public final class Contents {

    private Contents() {
    }

    public static Map<String, Object> body(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("url", "https://news.example.com/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        body.put("language", "en");
        return body;
    }

    public static Map<String, Object> body(String title, List<String> groups, String... topics) {
        Map<String, Object> body = body(title);
        body.put("targetGroupIds", groups);
        body.put("topics", List.of(topics));
        return body;
    }

    public static JsonPath create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/content").then().statusCode(201).extract().jsonPath();
    }

    /** A published item, visible now. */
    public static String published(String curator, Map<String, Object> body) {
        String id = create(curator, body).getString("id");
        Api.as(curator).post("/api/v1/content/{id}/publish", id).then().statusCode(200);
        return id;
    }

    public static String scheduled(String curator, Map<String, Object> body, Instant publishAt) {
        body.put("publishAt", publishAt.toString());
        String id = create(curator, body).getString("id");
        Api.as(curator).post("/api/v1/content/{id}/publish", id).then().statusCode(200);
        return id;
    }

    public static List<String> feedIds(String token, String query) {
        return Api.as(token).get("/api/v1/feed" + query).then().statusCode(200).extract().jsonPath().getList("items.id",
                String.class);
    }
}
