package io.chorus.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.assertj.core.api.SoftAssertions;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chorus.common.http.PublicRoute;
import io.chorus.web.Surface;
import io.quarkus.security.Authenticated;

/**
 * openapi.yaml is the contract and the code must keep it true: the same operations on both sides, the same public
 * operations, the same roles ({@code x-roles} against {@code @RolesAllowed}) and the same parameters. The code side is
 * read by reflection from the compiled JAX-RS resources in target/classes, so this test needs no running service. It
 * also checks what a reader of the contract relies on: every operation says how it fails, and every reference resolves.
 */
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("openapi.yaml");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * An operation as the code implements it: who may call it, and which path, query and header parameters it reads.
     */
    record Implemented(Security security, Set<String> roles, Set<String> parameters) {
    }

    enum Security {
        PUBLIC, AUTHENTICATED, ROLES, DENIED
    }

    private static JsonNode contract;
    private static Map<String, Implemented> code;

    @BeforeAll
    static void read() throws Exception {
        contract = contract();
        code = implementedOperations();
    }

    @Test
    void contractAndCodeHaveTheSameOperations() {
        Set<String> documented = operations(contract).keySet();
        Set<String> onlyInContract = new TreeSet<>(documented);
        onlyInContract.removeAll(code.keySet());
        Set<String> onlyInCode = new TreeSet<>(code.keySet());
        onlyInCode.removeAll(documented);
        if (!onlyInContract.isEmpty() || !onlyInCode.isEmpty()) {
            fail("openapi.yaml and the code disagree.%n  Only in openapi.yaml (not implemented): %s%n"
                    + "  Only in the code (not in openapi.yaml): %s", onlyInContract, onlyInCode);
        }
        assertThat(code).as("resources found in %s", CLASSES).hasSizeGreaterThan(10);
    }

    @Test
    void whoMayCallEachOperationIsWhatTheCodeAllows() {
        SoftAssertions soft = new SoftAssertions();
        operations(contract).forEach((key, operation) -> {
            Implemented implemented = code.get(key);
            if (implemented == null) {
                return; // reported by contractAndCodeHaveTheSameOperations
            }
            boolean isPublic = isPublic(operation);
            soft.assertThat(isPublic).as("%s is public (security: []) exactly when the code permits all", key)
                    .isEqualTo(implemented.security() == Security.PUBLIC);
            Set<String> roles = new TreeSet<>();
            operation.path("x-roles").forEach(role -> roles.add(role.asText()));
            Set<String> expected = implemented.security() == Security.ROLES ? new TreeSet<>(implemented.roles())
                    : Set.of();
            soft.assertThat(roles)
                    .as("%s: x-roles in openapi.yaml (actual) against @RolesAllowed in the code (expected)", key)
                    .isEqualTo(expected);
        });
        soft.assertAll();
    }

    @Test
    void everyParameterTheCodeReadsIsDocumented() {
        SoftAssertions soft = new SoftAssertions();
        operations(contract).forEach((key, operation) -> {
            Implemented implemented = code.get(key);
            if (implemented != null) {
                soft.assertThat(parameters(key, operation))
                        .as("%s: parameters in openapi.yaml (actual) against those the code reads (expected)", key)
                        .isEqualTo(implemented.parameters());
            }
        });
        soft.assertAll();
    }

    @Test
    void everyOperationDescribesWhoMayCallItAndHowItFails() {
        SoftAssertions soft = new SoftAssertions();
        Set<String> operationIds = new HashSet<>();
        operations(contract).forEach((key, operation) -> {
            soft.assertThat(operation.path("summary").asText()).as("%s summary", key).isNotBlank();
            soft.assertThat(operation.path("description").asText()).as("%s description", key).contains("Who:");
            soft.assertThat(operationIds.add(operation.path("operationId").asText()))
                    .as("%s operationId is unique", key).isTrue();
            Map<String, JsonNode> responses = new TreeMap<>();
            operation.path("responses").fields().forEachRemaining(e -> responses.put(e.getKey(), e.getValue()));
            soft.assertThat(responses.keySet()).as("%s has a success (or redirect) response", key)
                    .anyMatch(c -> c.startsWith("2") || c.startsWith("3"));
            soft.assertThat(responses.keySet()).as("%s has a 4xx response", key).anyMatch(c -> c.startsWith("4"));
            if (!isPublic(operation)) {
                soft.assertThat(responses).as("%s is protected, so it answers 401", key).containsKey("401");
            }
            if (key.contains(" /api/")) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        soft.assertThat(resolve(response).at("/content/application~1problem+json/schema/$ref").asText())
                                .as("%s %s is a problem", key, status).isEqualTo("#/components/schemas/Problem");
                    }
                });
            }
            if (parameters(key, operation).contains("header:idempotency-key")) {
                // 201 for a create, 202 for a write queued (a broadcast)
                String success = responses.containsKey("201") ? "201" : "202";
                JsonNode created = resolve(responses.get(success));
                soft.assertThat(created.path("headers").has("Idempotent-Replayed"))
                        .as("%s takes an Idempotency-Key, so its %s may be a replay", key, success).isTrue();
                soft.assertThat(responses).as("%s takes an Idempotency-Key, so a reused key is a 422", key)
                        .containsKey("422");
            }
        });
        soft.assertAll();
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        walk(contract, (field, value) -> {
            if (field.equals("$ref")
                    && (!value.asText().startsWith("#/") || contract.at(value.asText().substring(1)).isMissingNode())) {
                broken.add(value.asText());
            }
        });
        assertThat(broken).as("$refs that point nowhere").isEmpty();
    }

    static JsonNode contract() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
    }

    /** "VERB /path" of every operation of an OpenAPI document. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            var path = it.next();
            for (String verb : VERBS) {
                if (path.getValue().has(verb)) {
                    operations.put(verb.toUpperCase() + " " + path.getKey(), path.getValue().get(verb));
                }
            }
        }
        return operations;
    }

    private static boolean isPublic(JsonNode operation) {
        return operation.has("security") && operation.get("security").isEmpty();
    }

    /** The path, query and header parameters of an operation, including its path item's, as "in:name". */
    private static Set<String> parameters(String key, JsonNode operation) {
        String path = key.substring(key.indexOf(' ') + 1);
        Set<String> parameters = new TreeSet<>();
        for (JsonNode list : List.of(contract.path("paths").path(path).path("parameters"),
                operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode p = resolve(parameter);
                String in = p.path("in").asText();
                if (!in.equals("cookie")) {
                    parameters.add(in + ":"
                            + (in.equals("header") ? p.path("name").asText().toLowerCase() : p.path("name").asText()));
                }
            }
        }
        return parameters;
    }

    private static JsonNode resolve(JsonNode node) {
        if (node == null) {
            return new ObjectMapper().createObjectNode();
        }
        return node.has("$ref") ? resolve(contract.at(node.get("$ref").asText().substring(1))) : node;
    }

    private static void walk(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        node.fields().forEachRemaining(e -> {
            visitor.accept(e.getKey(), e.getValue());
            walk(e.getValue(), visitor);
        });
        if (node.isArray()) {
            node.forEach(element -> walk(element, visitor));
        }
    }

    /** Every operation of the JAX-RS resources compiled into target/classes. */
    static Map<String, Implemented> implementedOperations() throws Exception {
        List<String> names;
        try (var files = Files.walk(CLASSES.resolve(Path.of("io", "chorus")))) {
            names = files.map(CLASSES::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .filter(f -> !f.endsWith("package-info.class") && !f.endsWith("module-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(File.separatorChar, '.')).sorted()
                    .toList();
        }
        ClassLoader loader = OpenApiContractTest.class.getClassLoader();
        Map<String, Implemented> operations = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            // The admin UI's and the app's HTML pages (/admin/..., /app/...) are for browsers, not API clients: they
            // are
            // not part of the REST contract, so only they are left out here.
            if (root != null && !type.isInterface() && !isBrowserPage(root.value())) {
                collect(type, root.value(), type, operations, 0);
            }
            PublicRoute route = type.getAnnotation(PublicRoute.class);
            if (route != null) {
                String key = route.method() + " " + normalize(route.path());
                Implemented previous = operations.put(key,
                        new Implemented(Security.PUBLIC, Set.of(), new TreeSet<>(List.of(route.parameters()))));
                assertThat(previous).as("%s is implemented twice", key).isNull();
            }
        }
        return operations;
    }

    private static boolean isBrowserPage(String path) {
        return Surface.of(normalize(path)).isPresent();
    }

    private static void collect(Class<?> type, String prefix, Class<?> securedBy, Map<String, Implemented> operations,
            int depth) {
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic()) {
                continue;
            }
            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path = normalize(prefix + (sub == null ? "" : "/" + sub.value()));
            String verb = httpMethod(method);
            if (verb != null) {
                String key = verb + " " + path;
                Implemented previous = operations.put(key, implemented(method, securedBy));
                assertThat(previous).as("%s is implemented twice", key).isNull();
            } else if (sub != null && depth < 5) {
                collect(method.getReturnType(), path, securedBy, operations, depth + 1); // a sub-resource locator
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static Implemented implemented(Method method, Class<?> resource) {
        Security security = null;
        Set<String> roles = Set.of();
        for (Annotation annotation : List.of(method.getAnnotations(), resource.getAnnotations()).stream()
                .flatMap(Arrays::stream).toList()) {
            if (security != null) {
                break; // the method's own annotation wins over its class's
            }
            if (annotation instanceof PermitAll) {
                security = Security.PUBLIC;
            } else if (annotation instanceof Authenticated) {
                security = Security.AUTHENTICATED;
            } else if (annotation instanceof DenyAll) {
                security = Security.DENIED;
            } else if (annotation instanceof RolesAllowed allowed) {
                security = Security.ROLES;
                roles = Set.of(allowed.value());
            }
        }
        // Without any security annotation Quarkus lets everyone in: the contract must then say it is public.
        Set<String> parameters = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            parameterOf(parameter).ifPresent(parameters::add);
        }
        return new Implemented(security == null ? Security.PUBLIC : security, roles, parameters);
    }

    private static Optional<String> parameterOf(Parameter parameter) {
        String name = parameter.getName();
        if (parameter.isAnnotationPresent(RestPath.class) || parameter.isAnnotationPresent(PathParam.class)) {
            String value = parameter.isAnnotationPresent(PathParam.class)
                    ? parameter.getAnnotation(PathParam.class).value()
                    : parameter.getAnnotation(RestPath.class).value();
            return Optional.of("path:" + (value.isEmpty() ? name : value));
        }
        if (parameter.isAnnotationPresent(RestQuery.class) || parameter.isAnnotationPresent(QueryParam.class)) {
            String value = parameter.isAnnotationPresent(QueryParam.class)
                    ? parameter.getAnnotation(QueryParam.class).value()
                    : parameter.getAnnotation(RestQuery.class).value();
            return Optional.of("query:" + (value.isEmpty() ? name : value));
        }
        if (parameter.isAnnotationPresent(RestHeader.class) || parameter.isAnnotationPresent(HeaderParam.class)) {
            String value = parameter.isAnnotationPresent(HeaderParam.class)
                    ? parameter.getAnnotation(HeaderParam.class).value()
                    : parameter.getAnnotation(RestHeader.class).value();
            return Optional.of("header:" + (value.isEmpty() ? name : value).toLowerCase());
        }
        return Optional.empty();
    }

    /** "/api/v1//members/{id: [0-9a-f]{8}-.*}/" becomes "/api/v1/members/{id}". */
    static String normalize(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth > 1) {
                    continue; // a quantifier inside a parameter's regex
                }
            } else if (c == '}') {
                depth--;
                if (depth > 0) {
                    continue;
                }
                inRegex = false;
            } else if (depth == 1 && c == ':') {
                inRegex = true;
            }
            if (!inRegex && !(depth > 0 && Character.isWhitespace(c))) {
                path.append(c);
            }
        }
        String normalized = ("/" + path).replaceAll("/+", "/");
        return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
