package io.chorus.common.http;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.chorus.common.problem.ProblemException;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when it cannot convert one, but a bad filter value is the
 * client's mistake and deserves a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Optional<UUID> uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "must be an id");
    }

    public static <T> Optional<T> parse(String name, String value, Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, message);
        }
    }

    public static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
