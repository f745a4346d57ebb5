package io.chorus.scim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.chorus.common.http.StrictJson;
import io.chorus.common.problem.ScimError;

/**
 * The {@code filter} parameter (RFC 7644 §3.4.2.2), parsed into a tree: comparisons ({@code eq ne co sw ew gt ge lt
 * le}), {@code pr}, {@code and}, {@code or}, {@code not (...)}, parentheses and value paths ({@code emails[type eq
 * "work"]}). Attribute names are case-insensitive and kept lower-case, without the resource's schema URN. Anything else
 * is a 400 {@code invalidFilter}. As Microsoft Entra ID writes it, a value path may also be followed by a sub-attribute
 * and a comparison ({@code emails[type eq "work"].value eq "a@b.c"}).
 */
public final class ScimFilter {

    public enum Op {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE
    }

    public sealed interface Node permits Compare, Present, And, Or, Not, ValuePath {
    }

    /** {@code value} is a String, a BigDecimal, a Boolean or null. */
    public record Compare(String attribute, Op op, Object value) implements Node {
    }

    public record Present(String attribute) implements Node {
    }

    public record And(Node left, Node right) implements Node {
    }

    public record Or(Node left, Node right) implements Node {
    }

    public record Not(Node inner) implements Node {
    }

    /** A filter on the values of a multi-valued attribute; the inner filter's attributes are its sub-attributes. */
    public record ValuePath(String attribute, Node filter) implements Node {
    }

    private static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 32;

    private final List<String> tokens;
    private final List<String> schemas;
    private int next;
    private int depth;

    private ScimFilter(List<String> tokens, List<String> schemas) {
        this.tokens = tokens;
        this.schemas = schemas;
    }

    /** Parses a filter on resources of these schemas (whose URN may prefix attribute names). */
    public static Node parse(String filter, List<String> schemas) {
        if (filter.length() > MAX_LENGTH) {
            throw ScimError.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters.");
        }
        ScimFilter parser = new ScimFilter(ScimFilterTokens.of(filter), schemas);
        Node node = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw ScimError.invalidFilter("Unexpected '" + parser.tokens.get(parser.next) + "' in the filter.");
        }
        return node;
    }

    private Node or() {
        Node node = and();
        while (keyword("or")) {
            node = new Or(node, and());
        }
        return node;
    }

    private Node and() {
        Node node = unary();
        while (keyword("and")) {
            node = new And(node, unary());
        }
        return node;
    }

    private Node unary() {
        if (++depth > MAX_DEPTH) {
            throw ScimError.invalidFilter("The filter nests too deeply.");
        }
        try {
            if (keyword("not")) {
                expect("(");
                Node inner = or();
                expect(")");
                return new Not(inner);
            }
            if (symbol("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            String attribute = attribute(take("an attribute"));
            if (symbol("[")) {
                Node inner = or();
                expect("]");
                if (peek() != null && peek().startsWith(".")) {
                    String sub = attribute(take("a sub-attribute").substring(1));
                    return new ValuePath(attribute, new And(inner, comparison(sub)));
                }
                return new ValuePath(attribute, inner);
            }
            return comparison(attribute);
        } finally {
            depth--;
        }
    }

    private Node comparison(String attribute) {
        String operator = take("an operator").toLowerCase(Locale.ROOT);
        if (operator.equals("pr")) {
            return new Present(attribute);
        }
        Op op;
        try {
            op = Op.valueOf(operator.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimError.invalidFilter("'" + operator + "' is not a filter operator.");
        }
        return new Compare(attribute, op, value(take("a value")));
    }

    private static Object value(String token) {
        if (token.startsWith("\"")) {
            if (!StrictJson.wellFormed(token)) {
                throw ScimError.invalidFilter("A string in the filter " + StrictJson.UNPAIRED_SURROGATE + ".");
            }
            return token.substring(1);
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                try {
                    return new BigDecimal(token);
                } catch (NumberFormatException e) {
                    throw ScimError.invalidFilter("'" + token + "' is not a value: quote text.");
                }
        }
    }

    /** The attribute's name, lower-case, without the resource's schema URN. */
    private String attribute(String token) {
        if (token.startsWith("\"") || token.isEmpty() || "()[]".contains(token)) {
            throw ScimError.invalidFilter("An attribute name was expected, not '" + token + "'.");
        }
        String name = token;
        for (String schema : schemas) {
            if (name.regionMatches(true, 0, schema + ":", 0, schema.length() + 1)) {
                name = name.substring(schema.length() + 1);
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private boolean keyword(String word) {
        String token = peek();
        if (token != null && !token.startsWith("\"") && token.equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        if (symbol.equals(peek())) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw ScimError.invalidFilter("'" + symbol + "' was expected in the filter.");
        }
    }

    private String take(String what) {
        String token = peek();
        if (token == null) {
            throw ScimError.invalidFilter("The filter ends where " + what + " was expected.");
        }
        next++;
        return token;
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }
}
