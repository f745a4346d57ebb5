package io.chorus.common.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading the columns of native query rows ({@code Object[]}), whatever type the driver chose for them. */
public final class Columns {

    private Columns() {
    }

    /** A count or sum; SQL null (a sum over no rows) is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A {@code timestamptz}, as JDBC or Hibernate hand it over. */
    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
