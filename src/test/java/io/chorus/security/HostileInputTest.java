package io.chorus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Input meant to break things: Unicode that is easy to mangle and SQL-significant characters round-trip intact through
 * every text field; huge, deeply nested and malformed JSON, and hostile query values, are refused cleanly. Nothing
 * answers 500.
 */
@QuarkusTest
class HostileInputTest {

    /** Right-to-left override and mark, zero-width space and joiner, a BOM, 4-byte emoji (one a ZWJ sequence). */
    static final String UNICODE = "A\u202Egnp.exe\u202C \u200Fשלום\u200F zero\u200Bwidth\u200D \uFEFFbom 👩‍💻 𝕏 🎉 Z";
    /** What a query built by concatenation would trip over. */
    static final String SQL = "O'Brien \"; DROP TABLE members; -- 50% _x_ \\ ' OR '1'='1 /* */ $$ ;";
    static final String TEXT = UNICODE + " " + SQL;

    @Test
    void unicodeAndSqlCharactersRoundTripThroughEveryTextField() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String admin = org.admin().token();

        Api.as(ambassador.token()).body(Map.of("name", TEXT)).patch("/api/v1/me").then().statusCode(200).body("name",
                equalTo(TEXT));
        Api.as(ambassador.token()).get("/api/v1/me").then().body("name", equalTo(TEXT));
        Api.as(admin)
                .body(Map.of("email", "x-" + UUID.randomUUID() + "@" + org.slug() + ".example", "name", TEXT, "roles",
                        List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).body("name", equalTo(TEXT));
        String group = Api.as(admin).body(Map.of("name", TEXT, "kind", "team")).post("/api/v1/groups").then()
                .statusCode(201).body("name", equalTo(TEXT)).extract().path("id");
        Api.as(admin).get("/api/v1/groups/{id}", group).then().body("name", equalTo(TEXT));

        Map<String, Object> body = Contents.body("x");
        body.put("title", TEXT);
        body.put("body", TEXT + "\n\n" + TEXT);
        body.put("suggestedMessages", Map.of("linkedin", TEXT, "email", TEXT));
        String content = Contents.published(curator.token(), body);
        JsonPath read = Api.as(curator.token()).get("/api/v1/content/{id}", content).then().statusCode(200).extract()
                .jsonPath();
        assertThat(read.getString("title")).isEqualTo(TEXT);
        assertThat(read.getString("body")).isEqualTo(TEXT + "\n\n" + TEXT);
        assertThat(read.getString("suggestedMessages.linkedin")).isEqualTo(TEXT);

        Api.as(admin).body(Map.of("disclosure", UNICODE)).put("/api/v1/settings/sharing").then().statusCode(200)
                .body("disclosure", equalTo(UNICODE));
        Api.as(admin).body(Map.of("text", TEXT)).put("/api/v1/charter").then().statusCode(200).body("text",
                equalTo(TEXT));
        Api.as(ambassador.token()).get("/api/v1/charter").then().body("text", equalTo(TEXT));
        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);
        Api.as(ambassador.token()).body(Map.of("network", "email", "message", TEXT))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).body("message", equalTo(TEXT));
        // The suggested message already carries the disclosure word for word: it is not added twice.
        Api.as(ambassador.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201).body("message", equalTo(TEXT));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items.message", hasItem(TEXT));

        String submission = Api.as(ambassador.token()).body(Contents.body("Idea")).post("/api/v1/content").then()
                .statusCode(201).extract().path("id");
        Api.as(curator.token()).body(Map.of("reason", TEXT)).post("/api/v1/content/{id}/reject", submission).then()
                .statusCode(200);
        Api.as(admin).get("/api/v1/audit-events?action=content.rejected").then().statusCode(200)
                .body("items[0].detail.reason", equalTo(TEXT));
    }

    @Test
    void hostileQueryValuesAreJustValues() {
        Org org = Organizations.create();
        String admin = org.admin().token();
        Contents.published(org.member("curator").token(), Contents.body("Plain"));
        SoftAssertions soft = new SoftAssertions();
        for (String value : List.of(SQL, UNICODE, "%", "_", "\\", "'", "\u0000", "a".repeat(5000))) {
            for (String path : List.of("/api/v1/members?q={v}", "/api/v1/content?q={v}", "/api/v1/content?topic={v}",
                    "/api/v1/feed?topic={v}", "/api/v1/audit-events?action={v}", "/api/v1/members?cursor={v}",
                    "/api/v1/audit-events?cursor={v}", "/api/v1/content?status={v}", "/api/v1/members?limit={v}")) {
                Response response = Api.as(admin).get(path, value);
                // 414 for the 5000 characters: the URI is over the server's limit.
                soft.assertThat(response.statusCode()).as("%s with %s", path, describe(value)).isIn(200, 400, 414);
                if (response.statusCode() == 200) {
                    soft.assertThat(response.jsonPath().getList("items")).as("%s with %s", path, describe(value))
                            .noneMatch(item -> value.equals(SQL) && item.toString().contains("DROP"));
                }
            }
        }
        soft.assertAll();
        Api.as(admin).get("/api/v1/members").then().statusCode(200);
    }

    @Test
    void hugeNestedAndMalformedBodiesAreRefusedCleanly() {
        Org org = Organizations.create();
        String curator = org.member("curator").token();
        Map<String, String> bodies = new HashMap<>();
        bodies.put("over the size limit", "{\"title\":\"" + "x".repeat(1_100_000) + "\"}");
        // Deeper than Jackson's limit (1000); not far deeper, as REST Assured pretty-prints what it sends.
        bodies.put("deeply nested arrays", "{\"title\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");
        bodies.put("deeply nested objects", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
        bodies.put("deeply nested in a map", "{\"title\":\"t\",\"url\":\"https://example.com/\",\"language\":\"en\","
                + "\"suggestedMessages\":" + "{\"x\":".repeat(2_000) + "1" + "}".repeat(2_000) + "}");
        bodies.put("truncated", "{\"title\":\"x");
        bodies.put("not JSON", "<xml/>");
        bodies.put("wrong types", "{\"title\":{\"$gt\":\"\"},\"url\":[1],\"language\":true}");
        bodies.put("a NUL character", "{\"title\":\"a\\u0000b\",\"url\":\"https://example.com/\",\"language\":\"en\"}");
        bodies.put("a huge number",
                "{\"title\":\"t\",\"url\":\"https://example.com/\",\"language\":\"en\",\"publishAt\":"
                        + "9".repeat(5000) + "}");
        SoftAssertions soft = new SoftAssertions();
        for (var body : bodies.entrySet()) {
            Response response = Api.as(curator).body(body.getValue()).post("/api/v1/content");
            soft.assertThat(response.statusCode()).as(body.getKey()).isBetween(400, 499);
            soft.assertThat(response.contentType()).as(body.getKey()).startsWith("application/problem+json");
            soft.assertThat(response.asString()).as(body.getKey()).doesNotContain("Exception").doesNotContain("at io.");
        }
        // Accepted, but stored without harm: a duplicate key (the last one wins).
        String body = "{\"title\":\"a\",\"title\":\"b\",\"url\":\"https://example.com/\",\"language\":\"en\"}";
        soft.assertThat(Api.as(curator).body(body).post("/api/v1/content").then().extract().path("title").toString())
                .isEqualTo("b");
        soft.assertAll();
    }

    /**
     * What is answered is what is stored: text with a lone UTF-16 surrogate (valid JSON, not Unicode: PostgreSQL would
     * keep "a?b") is refused wherever text goes, values and keys, and the request changes nothing.
     */
    @Test
    void loneSurrogatesAreRefusedAndChangeNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Kept"));
        String valid = "{\"title\":\"t\",\"url\":\"https://example.com/\",\"language\":\"en\"";
        Map<String, String> bodies = Map.of("title",
                "{\"title\":\"a\\ud800b\",\"url\":\"https://example.com/\",\"language\":\"en\"}", "topics[1]",
                valid + ",\"topics\":[\"ok\",\"x\\udc00\"]}", "suggestedMessages.linkedin",
                valid + ",\"suggestedMessages\":{\"linkedin\":\"high \\ud83d alone\"}}", "suggestedMessages",
                valid + ",\"suggestedMessages\":{\"\\udfff\":\"a key\"}}", "body",
                valid + ",\"body\":\"reversed \\ude00\\ud83d pair\"}");
        long before = contentCount(curator.token());
        for (var body : bodies.entrySet()) {
            // A key is a field's name: one that is not text is an unknown field, and not echoed.
            Api.as(curator.token()).body(body.getValue()).post("/api/v1/content").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(body.getKey()))
                    .body("violations[0].message", body.getKey().equals("suggestedMessages") ? equalTo("unknown field")
                            : containsString("surrogate"));
        }
        assertThat(contentCount(curator.token())).as("nothing created").isEqualTo(before);
        Api.as(curator.token()).body("{\"title\":\"Kept \\ud800\"}").patch("/api/v1/content/{id}", content).then()
                .statusCode(400).body("violations[0].field", equalTo("title"));
        Api.as(curator.token()).get("/api/v1/content/{id}", content).then().body("title", equalTo("Kept"));
        String name = Api.as(ambassador.token()).get("/api/v1/me").then().extract().path("name");
        Api.as(ambassador.token()).body("{\"name\":\"\\udbff\"}").patch("/api/v1/me").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        Api.as(ambassador.token()).get("/api/v1/me").then().body("name", equalTo(name));
        // A well-formed pair (an emoji written as escapes) is a character like any other.
        Api.as(ambassador.token()).body("{\"name\":\"Zoé \\ud83c\\udf89\"}").patch("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("Zoé 🎉"));
    }

    /**
     * The contract's types are the only ones accepted: a number or boolean where it says string, a string where it says
     * number or boolean, a fraction where it says integer, a number for a named value — 400, and nothing changes.
     */
    @Test
    void scalarsAreNotCoercedFromOtherTypes() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String admin = org.admin().token();
        String valid = "\"url\":\"https://example.com/\",\"language\":\"en\"";
        Map<String, String> content = Map.of("title", "{\"title\":123," + valid + "}", "title ",
                "{\"title\":true," + valid + "}", "title  ", "{\"title\":1.5," + valid + "}", "topics[0]",
                "{\"title\":\"t\"," + valid + ",\"topics\":[1]}", "suggestedMessages.linkedin",
                "{\"title\":\"t\"," + valid + ",\"suggestedMessages\":{\"linkedin\":false}}", "language",
                "{\"title\":\"t\",\"url\":\"https://example.com/\",\"language\":7}");
        long before = contentCount(curator.token());
        for (var body : content.entrySet()) {
            Api.as(curator.token()).body(body.getValue()).post("/api/v1/content").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(body.getKey().strip()));
        }
        assertThat(contentCount(curator.token())).as("nothing created").isEqualTo(before);

        String rules = Api.as(admin).get("/api/v1/scoring-rules").then().statusCode(200).extract().asString();
        for (String points : List.of("\"25\"", "2.5", "true")) {
            Api.as(admin).body("[{\"action\":\"share\",\"points\":" + points + "}]").put("/api/v1/scoring-rules").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("[0].points"));
        }
        assertThat(Api.as(admin).get("/api/v1/scoring-rules").then().extract().asString()).isEqualTo(rules);
        Api.as(curator.token()).body("{\"version\":\"1\"}").post("/api/v1/charter/accept").then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
        Api.as(admin).body("{\"leaderboardVisible\":\"false\"}").patch("/api/v1/me").then().statusCode(400)
                .body("violations[0].field", equalTo("leaderboardVisible"));
        Api.as(admin).get("/api/v1/me").then().body("leaderboardVisible", equalTo(true));
        String item = Contents.published(curator.token(), Contents.body("Shared"));
        Api.as(admin).body("{\"network\":0}").post("/api/v1/content/{id}/shares", item).then().statusCode(400)
                .body("violations[0].field", equalTo("network"));
    }

    /**
     * A public route's bare prefix names nothing: the same 404 as an unknown code or token, never a 500 (the short
     * link's prefix once took a substring past its end).
     */
    @Test
    void barePrefixesOfPublicRoutesAreNotFound() {
        Response unknown = Api.anonymous().get("/s/no-such-code");
        assertThat(unknown.statusCode()).isEqualTo(404);
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/s", "/s/", "/s?x=1", "/s/?x=1")) {
            for (String method : List.of("GET", "HEAD")) {
                Response response = Api.anonymous().redirects().follow(false).request(method, path);
                soft.assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(404);
                soft.assertThat(response.contentType()).as("%s %s", method, path).isEqualTo(unknown.contentType());
                if (method.equals("GET")) {
                    soft.assertThat(response.asString()).as("%s %s", method, path).isEqualTo(unknown.asString());
                }
            }
        }
        for (String path : List.of("/share", "/share/", "/share?x=1", "/invitations", "/invitations/",
                "/invitations?x=1")) {
            Response response = Api.anonymous().redirects().follow(false).get(path);
            soft.assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/api/v1/invitations", "/api/v1/invitations/", "/api/v1/invitations//accept",
                "/api/v1/invitations/accept", "/api/v1/auth", "/api/v1/auth/")) {
            for (String method : List.of("GET", "POST")) {
                Response response = Api.anonymous().header("X-Forwarded-For", Api.freshClientAddress())
                        .body(Map.of("name", "n", "password", "p")).request(method, path);
                soft.assertThat(response.statusCode()).as("%s %s", method, path).isIn(404, 405);
                soft.assertThat(response.contentType()).as("%s %s", method, path)
                        .startsWith("application/problem+json");
            }
        }
        soft.assertAll();
    }

    private static long contentCount(String curator) {
        return Api.as(curator).get("/api/v1/content?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }

    /** The endpoint's example body with every field set to the hostile value; a list body keeps its shape. */
    private static Object hostile(Object example, Object value) {
        if (example instanceof List<?> items) {
            return items.stream().map(item -> hostile(item, value)).toList();
        }
        Map<String, Object> body = new HashMap<>();
        if (example instanceof Map<?, ?> fields) {
            fields.keySet().forEach(field -> body.put((String) field, value));
        }
        return body;
    }

    /** Every endpoint of the contract, called by an admin with hostile bodies and ids: nothing answers 500. */
    @Test
    void noEndpointAnswers500ToHostileInput() {
        Org org = Organizations.create();
        Person admin = org.admin();
        List<Object> hostileValues = List.of(TEXT, "\u0000", "x".repeat(70_000), List.of(SQL), Map.of("$ne", 1), -1,
                1e308, true);
        SoftAssertions soft = new SoftAssertions();
        for (SecurityMatrixTest.Endpoint endpoint : SecurityMatrixTest.ENDPOINTS) {
            String path = endpoint.path().replaceAll("\\{[^}]+}", "' OR 1=1 --");
            String token = endpoint.roles().contains("operator") ? Organizations.operatorToken() : admin.token();
            for (Object value : hostileValues) {
                Object body = hostile(endpoint.body(), value);
                Response response = Api.as(token).body(body).request(endpoint.method(), path);
                soft.assertThat(response.statusCode()).as("%s with %s", endpoint.key(), describe(value))
                        .isLessThan(500);
            }
        }
        for (String path : List.of("/api/v1/invitations/' OR 1=1 --/accept", "/share/' OR 1=1 --", "/s/' OR 1=1 --",
                "/invitations/%00")) {
            Response response = path.startsWith("/api")
                    ? Api.anonymous().header("X-Forwarded-For", Api.freshClientAddress())
                            .body(Map.of("name", TEXT, "password", TEXT)).post(path)
                    : Api.anonymous().header("X-Forwarded-For", Api.freshClientAddress()).redirects().follow(false)
                            .get(path);
            soft.assertThat(response.statusCode()).as(path).isLessThan(500);
        }
        soft.assertAll();
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
