package io.chorus.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The contract is true: every operation of openapi.yaml is implemented, and every implemented operation is in
 * openapi.yaml. The implementation is read from the compiled JAX-RS resources.
 */
class OpenApiContractTest {

    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head");
    private static final Map<Class<? extends java.lang.annotation.Annotation>, String> VERB_ANNOTATIONS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE",
            HEAD.class, "HEAD");

    @Test
    void contractAndCodeHaveTheSameOperations() throws Exception {
        Set<String> contract = contractOperations();
        Set<String> code = implementedOperations();

        Set<String> onlyInContract = new TreeSet<>(contract);
        onlyInContract.removeAll(code);
        Set<String> onlyInCode = new TreeSet<>(code);
        onlyInCode.removeAll(contract);
        assertThat(onlyInContract).as("operations in openapi.yaml that the code does not implement").isEmpty();
        assertThat(onlyInCode).as("operations the code implements that openapi.yaml does not describe").isEmpty();
        assertThat(code).hasSizeGreaterThan(10);
    }

    @Test
    void everyOperationDescribesItsFailures() throws Exception {
        JsonNode paths = contract().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            for (String verb : VERBS) {
                JsonNode operation = path.getValue().get(verb);
                if (operation == null) {
                    continue;
                }
                String name = verb.toUpperCase() + " " + path.getKey();
                Set<String> codes = new TreeSet<>();
                operation.get("responses").fieldNames().forEachRemaining(codes::add);
                assertThat(codes).as(name + " responses").anyMatch(code -> code.startsWith("4"));
                assertThat(operation.hasNonNull("summary")).as(name + " summary").isTrue();
                boolean isPublic = operation.has("security") && operation.get("security").isEmpty();
                if (!isPublic) {
                    assertThat(codes).as(name + " is protected, so it answers 401").contains("401");
                }
            }
        }
    }

    static JsonNode contract() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
    }

    static Set<String> contractOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = contract().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            for (String verb : VERBS) {
                if (path.getValue().has(verb)) {
                    operations.add(verb.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    static Set<String> implementedOperations() throws Exception {
        Path classes = Path.of("target", "classes");
        Set<String> operations = new TreeSet<>();
        List<Path> files;
        try (var walk = Files.walk(classes.resolve("io/chorus"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        ClassLoader loader = OpenApiContractTest.class.getClassLoader();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$",
                    "");
            Class<?> type = Class.forName(name, false, loader);
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (var verb : VERB_ANNOTATIONS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        operations.add(verb.getValue() + " "
                                + normalize(root.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        return operations;
    }

    /** "/api/v1//members/{id: [0-9a-f-]+}/" becomes "/api/v1/members/{id}". */
    static String normalize(String path) {
        String normalized = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!normalized.startsWith("/")) {
            normalized = "/" + normalized;
        }
        return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
