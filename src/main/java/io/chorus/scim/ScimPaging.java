package io.chorus.scim;

import io.chorus.common.problem.ScimError;

/**
 * {@code startIndex} (1-based; less than 1 is 1) and {@code count} (default {@value #DEFAULT_COUNT}, at most
 * {@value #MAX_COUNT}; negative is 0) of a SCIM list (RFC 7644 §3.4.2.4).
 */
record ScimPaging(int startIndex, int count) {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    static ScimPaging of(String startIndex, String count) {
        int start = Math.max(1, number("startIndex", startIndex, 1));
        int size = Math.min(MAX_COUNT, Math.max(0, number("count", count, DEFAULT_COUNT)));
        return new ScimPaging(start, size);
    }

    int offset() {
        return startIndex - 1;
    }

    private static int number(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.strip());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue(name + " must be an integer.");
        }
    }
}
