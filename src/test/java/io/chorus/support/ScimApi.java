package io.chorus.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.chorus.support.Organizations.Org;
import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls /scim/v2 the way an identity provider does: with a token the organization's admin created, in SCIM's JSON. */
public final class ScimApi {

    public static final String MEDIA_TYPE = "application/scim+json";

    static {
        RestAssured.registerParser(MEDIA_TYPE, Parser.JSON);
    }

    private ScimApi() {
    }

    /** A new SCIM token of the organization, as its admin creates it. */
    public static String token(Org org) {
        return Api.as(org.admin().token()).body(Map.of("name", "Identity provider"))
                .post("/api/v1/settings/scim-tokens").then().statusCode(201).extract().path("token");
    }

    /** A request as the identity provider holding this SCIM token (null: none), with a SCIM JSON body if any. */
    public static RequestSpecification as(String scimToken) {
        RequestSpecification spec = given().contentType(MEDIA_TYPE + "; charset=utf-8").accept(MEDIA_TYPE);
        return scimToken == null ? spec : spec.header("Authorization", "Bearer " + scimToken);
    }

    /** A PATCH of these operations (JSON objects), as a PatchOp message. */
    public static ValidatableResponse patch(String scimToken, String path, String operations) {
        return as(scimToken).body("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + " \"Operations\": [" + operations + "]}").patch(path).then();
    }

    /** A new user, "Ada Lovelace", with this userName (also its externalId); its id. */
    public static String user(String scimToken, String userName) {
        return as(scimToken)
                .body("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "externalId": "%s",
                         "active": true, "name": {"givenName": "Ada", "familyName": "Lovelace"}}"""
                        .formatted(userName, userName))
                .post("/scim/v2/Users").then().statusCode(201).extract().path("id");
    }

    /** The id of the first resource a list answered (a filter's match). */
    public static String onlyId(String scimToken, String collection, String filter) {
        return as(scimToken).queryParam("filter", filter).get("/scim/v2/" + collection).then().statusCode(200).extract()
                .path("Resources[0].id");
    }
}
