package io.chorus.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * What is wrong with a form, field by field: a code that the messages turn into words (in the page's language) next to
 * the field, and a detail the words may quote (a line number, a value).
 */
public final class FieldErrors {

    private record Error(String code, String detail) {
    }

    private final Map<String, Error> errors = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    public static FieldErrors of(String field, String code) {
        return new FieldErrors().add(field, code, "");
    }

    public FieldErrors add(String field, String code, String detail) {
        errors.putIfAbsent(field, new Error(code, detail == null ? "" : detail));
        return this;
    }

    /** The fields that Bean Validation refused (the first name of each violation's path). */
    public static Set<String> fieldsOf(Set<? extends ConstraintViolation<?>> violations) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        for (ConstraintViolation<?> violation : violations) {
            for (Path.Node node : violation.getPropertyPath()) {
                fields.add(node.getName());
                break;
            }
        }
        return fields;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String code(String field) {
        return has(field) ? errors.get(field).code() : "";
    }

    public String detail(String field) {
        return has(field) ? errors.get(field).detail() : "";
    }

    public boolean any() {
        return !errors.isEmpty();
    }
}
