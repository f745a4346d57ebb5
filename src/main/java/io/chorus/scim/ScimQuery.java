package io.chorus.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimFilter.And;
import io.chorus.scim.ScimFilter.Compare;
import io.chorus.scim.ScimFilter.Node;
import io.chorus.scim.ScimFilter.Not;
import io.chorus.scim.ScimFilter.Op;
import io.chorus.scim.ScimFilter.Or;
import io.chorus.scim.ScimFilter.Present;
import io.chorus.scim.ScimFilter.ValuePath;
import io.chorus.tenancy.MemberStatus;

/**
 * A parsed filter as an HQL condition, with its values as parameters (never in the text): each resource lists the
 * attributes it can be filtered on and what they are in its entity. An attribute or operator it does not list is a 400
 * {@code invalidFilter}, so a filter is never silently ignored.
 */
final class ScimQuery {

    enum Kind {
        /** Text compared ignoring case (SCIM's caseExact false). */
        TEXT,
        /** Text compared exactly (caseExact true, e.g. externalId). */
        EXACT_TEXT, INSTANT, ID,
        /** SCIM's {@code active}: a member is active unless deactivated. */
        ACTIVE,
        /** A group's member, by user id: {@code expression} is a condition with {@code %s} for the id. */
        MEMBER,
        /** The same for every resource (an email's {@code type} is always {@code work}). */
        CONSTANT
    }

    record Attribute(Kind kind, String expression, Object constant) {
        static Attribute of(Kind kind, String expression) {
            return new Attribute(kind, expression, null);
        }

        static Attribute constant(Object value) {
            return new Attribute(Kind.CONSTANT, null, value);
        }
    }

    record Condition(String hql, Map<String, Object> parameters) {
    }

    private final Map<String, Attribute> attributes;
    private final Map<String, Object> parameters = new HashMap<>();

    private ScimQuery(Map<String, Attribute> attributes) {
        this.attributes = attributes;
    }

    static Condition of(Node filter, Map<String, Attribute> attributes) {
        ScimQuery query = new ScimQuery(attributes);
        String hql = query.translate(filter, "");
        return new Condition(hql, query.parameters);
    }

    private String translate(Node node, String prefix) {
        if (node instanceof And and) {
            return "(" + translate(and.left(), prefix) + " and " + translate(and.right(), prefix) + ")";
        }
        if (node instanceof Or or) {
            return "(" + translate(or.left(), prefix) + " or " + translate(or.right(), prefix) + ")";
        }
        if (node instanceof Not not) {
            return "not (" + translate(not.inner(), prefix) + ")";
        }
        if (node instanceof ValuePath path) {
            return translate(path.filter(), prefix + path.attribute() + ".");
        }
        if (node instanceof Present present) {
            return present(attribute(prefix + present.attribute()));
        }
        Compare compare = (Compare) node;
        Attribute attribute = attribute(prefix + compare.attribute());
        if (compare.value() == null && (compare.op() == Op.EQ || compare.op() == Op.NE)) {
            String present = present(attribute);
            return compare.op() == Op.EQ ? "not (" + present + ")" : present;
        }
        return compare(attribute, compare.op(), compare.value(), prefix + compare.attribute());
    }

    private Attribute attribute(String name) {
        Attribute attribute = attributes.get(name);
        if (attribute == null) {
            throw ScimError.invalidFilter("Filtering on '" + name + "' is not supported.");
        }
        return attribute;
    }

    private String present(Attribute attribute) {
        return switch (attribute.kind()) {
            case TEXT, EXACT_TEXT, INSTANT -> attribute.expression() + " is not null";
            case ID, ACTIVE -> "1 = 1";
            case MEMBER -> attribute.expression().replace("= %s", "is not null");
            case CONSTANT -> attribute.constant() == null ? "1 = 0" : "1 = 1";
        };
    }

    private String compare(Attribute attribute, Op op, Object value, String name) {
        switch (attribute.kind()) {
            case TEXT, EXACT_TEXT -> {
                String text = text(value, name);
                boolean ignoringCase = attribute.kind() == Kind.TEXT;
                String e = ignoringCase ? "lower(" + attribute.expression() + ")" : attribute.expression();
                if (op == Op.CO || op == Op.SW || op == Op.EW) {
                    return e + " like " + like(attribute, op, text);
                }
                String p = ignoringCase ? "lower(" + parameter(text) + ")" : parameter(text);
                return switch (op) {
                    case EQ -> e + " = " + p;
                    case NE -> "(" + attribute.expression() + " is null or " + e + " <> " + p + ")";
                    case GT -> e + " > " + p;
                    case GE -> e + " >= " + p;
                    case LT -> e + " < " + p;
                    default -> e + " <= " + p;
                };
            }
            case INSTANT -> {
                String p = parameter(instant(value, name));
                return switch (op) {
                    case EQ -> attribute.expression() + " = " + p;
                    case NE -> attribute.expression() + " <> " + p;
                    case GT -> attribute.expression() + " > " + p;
                    case GE -> attribute.expression() + " >= " + p;
                    case LT -> attribute.expression() + " < " + p;
                    case LE -> attribute.expression() + " <= " + p;
                    default -> throw unsupported(op, name);
                };
            }
            case ID, MEMBER -> {
                if (op != Op.EQ && op != Op.NE) {
                    throw unsupported(op, name);
                }
                UUID id = uuid(text(value, name));
                String equal = id == null ? "1 = 0"
                        : attribute.kind() == Kind.ID ? attribute.expression() + " = " + parameter(id)
                                : attribute.expression().formatted(parameter(id));
                return op == Op.EQ ? equal : "not (" + equal + ")";
            }
            case ACTIVE -> {
                if (!(value instanceof Boolean active) || (op != Op.EQ && op != Op.NE)) {
                    throw ScimError.invalidFilter("'" + name + "' is compared with eq or ne to true or false.");
                }
                boolean wanted = active == (op == Op.EQ);
                return attribute.expression() + (wanted ? " <> " : " = ") + parameter(MemberStatus.DEACTIVATED);
            }
            default -> {
                if (op != Op.EQ && op != Op.NE) {
                    throw unsupported(op, name);
                }
                boolean equal = attribute.constant() instanceof String constant && value instanceof String text
                        ? constant.equalsIgnoreCase(text)
                        : attribute.constant().equals(value);
                return equal == (op == Op.EQ) ? "1 = 1" : "1 = 0";
            }
        }
    }

    private String like(Attribute attribute, Op op, String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        if (attribute.kind() == Kind.TEXT) {
            escaped = escaped.toLowerCase(Locale.ROOT);
        }
        return parameter(switch (op) {
            case CO -> "%" + escaped + "%";
            case SW -> escaped + "%";
            default -> "%" + escaped;
        });
    }

    private String parameter(Object value) {
        String name = "f" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    private static String text(Object value, String name) {
        if (!(value instanceof String text)) {
            throw ScimError.invalidFilter("'" + name + "' is compared with a quoted string.");
        }
        return text;
    }

    private static Instant instant(Object value, String name) {
        try {
            return OffsetDateTime.parse(text(value, name)).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimError.invalidFilter("'" + name + "' is compared with a date-time such as 2026-11-23T10:15:30Z.");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null; // no resource has such an id
        }
    }

    private static RuntimeException unsupported(Op op, String name) {
        return ScimError
                .invalidFilter("'" + op.name().toLowerCase(Locale.ROOT) + "' is not supported on '" + name + "'.");
    }
}
