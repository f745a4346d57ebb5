package io.chorus.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bean Validation failures: 400 with one violation per field, named as the client sent it. */
public class ValidationExceptionMapper {

    @ServerExceptionMapper
    public Response map(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        return Problems.response(Problems.validation("The request has invalid fields.", uri.getPath(), violations),
                Map.of());
    }

    /** "invite.request.email" becomes "email"; "list.limit" becomes "limit". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
                field.append(node.getName());
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An element of a list or map field: "topics[1]", not "topics.<list element>[1]".
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    field.append('[').append(node.getKey()).append(']');
                }
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY && isBodyParameter(field)) {
                field.setLength(0);
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            if (node.isInIterable() && node.getIndex() == null && node.getKey() != null) {
                // A property of a map's value: "variants.fr.title", the value's key before its property.
                field.append(node.getKey()).append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Request bodies are parameters named "request" or "body"; their properties are the fields. */
    private static boolean isBodyParameter(StringBuilder field) {
        String name = field.toString();
        return name.equals("request") || name.equals("body");
    }
}
