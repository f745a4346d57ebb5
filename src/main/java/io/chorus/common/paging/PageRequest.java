package io.chorus.common.paging;

import java.util.Optional;
import java.util.UUID;

import io.chorus.common.http.QueryParams;
import io.chorus.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** {@code ?limit=} (default 20, at most 100) and {@code ?cursor=} of a list request. */
public record PageRequest(int limit, Optional<Cursor> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * @param cursorValues
     *            how many sort key values this list's cursors hold
     */
    public static PageRequest of(String limit, String cursor, int cursorValues) {
        int size = QueryParams.parse("limit", limit, Integer::parseInt, "must be between 1 and " + MAX_LIMIT)
                .orElse(DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<Cursor> position = cursor == null || cursor.isBlank() ? Optional.empty()
                : Optional.of(Cursor.decode(cursor, cursorValues));
        return new PageRequest(size, position);
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * Ends a plain-SQL statement (JDBC {@code ?} parameters) with this keyset page on {@code (time, id)}, newest first:
     * the cursor's condition, the order and the fetch size, their parameters added in order.
     */
    public void appendNewestFirst(StringBuilder sql, java.util.List<Object> parameters, String time, String id) {
        cursor.ifPresent(c -> {
            sql.append(" and (").append(time).append(", ").append(id).append(") < (?, ?)");
            parameters.add(instant(c, 0));
            parameters.add(uuid(c, 1));
        });
        sql.append(" order by ").append(time).append(" desc, ").append(id).append(" desc limit ?");
        parameters.add(fetchSize());
    }

    /**
     * An entity's Panache {@code find(query, parameters...)}, as a lambda calling it on the entity class ({@code (q, p)
     * -> ScimToken.find(q, p)}): a method reference would name {@code PanacheEntityBase}, which Panache does not
     * enhance.
     */
    public interface Finder<E> {
        PanacheQuery<E> find(String query, Object... parameters);
    }

    /** This keyset page (plus one row) of an entity, newest created first: on {@code (createdAt, id)}. */
    public <E> java.util.List<E> newestCreatedFirst(Finder<E> entities) {
        return cursor
                .map(c -> entities.find(
                        "createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                        instant(c, 0), uuid(c, 1)))
                .orElseGet(() -> entities.find("order by createdAt desc, id desc")).page(0, fetchSize()).list();
    }

    public static java.time.Instant instant(Cursor cursor, int index) {
        try {
            return java.time.Instant.parse(cursor.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }

    public static long number(Cursor cursor, int index) {
        try {
            return Long.parseLong(cursor.get(index));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }

    public static UUID uuid(Cursor cursor, int index) {
        try {
            return UUID.fromString(cursor.get(index));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }
}
