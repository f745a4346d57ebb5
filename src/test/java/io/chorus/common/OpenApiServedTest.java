package io.chorus.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The service serves openapi.yaml itself at /q/openapi, not a document generated from the code. */
@QuarkusTest
class OpenApiServedTest {

    @Test
    void theServedContractIsTheFileAtTheProjectRoot() throws Exception {
        String body = given().get("/q/openapi?format=json").then().statusCode(200).contentType("application/json")
                .extract().asString();
        JsonNode served = new ObjectMapper().readTree(body);
        JsonNode file = OpenApiContractTest.contract();

        assertThat(names(served.path("paths"))).as("paths").isEqualTo(names(file.path("paths")))
                .contains("/api/v1/members");
        assertThat(OpenApiContractTest.operations(served).keySet()).as("operations")
                .isEqualTo(OpenApiContractTest.operations(file).keySet());

        List<String> differences = new ArrayList<>();
        compare("", served, file, differences);
        assertThat(differences).as("where the served document differs from openapi.yaml").isEmpty();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Collects the JSON pointers at which two documents differ. */
    private static void compare(String pointer, JsonNode served, JsonNode file, List<String> differences) {
        if (served.isObject() && file.isObject()) {
            Set<String> fields = names(served);
            fields.addAll(names(file));
            for (String field : fields) {
                compare(pointer + "/" + field, served.path(field), file.path(field), differences);
            }
        } else if (served.isArray() && file.isArray() && served.size() == file.size()) {
            for (int i = 0; i < served.size(); i++) {
                compare(pointer + "/" + i, served.get(i), file.get(i), differences);
            }
        } else if (!served.equals(file)) {
            differences.add(pointer + ": served " + shown(served) + ", file " + shown(file));
        }
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }
}
