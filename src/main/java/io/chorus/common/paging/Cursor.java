package io.chorus.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.chorus.common.problem.ProblemException;

/**
 * An opaque position in a keyset-paged list: the sort key values of the last row seen. Clients treat it as an opaque
 * string; it is base64url of the values joined by a unit separator.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";

    public static Cursor of(Object... values) {
        return new Cursor(java.util.Arrays.stream(values).map(String::valueOf).toList());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded, int expectedValues) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> values = List.of(raw.split(SEPARATOR, -1));
            if (values.size() != expectedValues) {
                throw invalid();
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String get(int index) {
        return values.get(index);
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this list returned");
    }
}
