package io.chorus.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls the running service over HTTP the way a client would. */
public final class Api {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private Api() {
    }

    /** A request as a caller holding this access token (null: no token). */
    public static RequestSpecification as(String accessToken) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return accessToken == null ? spec : spec.auth().oauth2(accessToken);
    }

    public static RequestSpecification anonymous() {
        return as(null);
    }

    /**
     * A client address of its own (the test profile trusts X-Forwarded-For from localhost), so that tests that fail
     * logins on purpose never share a per-address throttle.
     */
    public static String freshClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    public static Response login(String organization, String email, String password) {
        return login(organization, email, password, freshClientAddress());
    }

    public static Response login(String organization, String email, String password, String clientAddress) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (organization != null) {
            body.put("organization", organization);
        }
        body.put("email", email);
        body.put("password", password);
        return anonymous().header("X-Forwarded-For", clientAddress).body(body).post("/api/v1/auth/login");
    }

    public static String accessToken(String organization, String email, String password) {
        return login(organization, email, password).then().statusCode(200).extract().path("accessToken");
    }
}
