package io.chorus.scim;

import java.util.ArrayList;
import java.util.List;

import io.chorus.common.problem.ScimError;

/**
 * Splits a SCIM filter into tokens: {@code ( ) [ ]}, JSON strings (returned as {@code "} followed by their decoded
 * text) and words (attribute paths, operators, keywords, numbers), separated by blanks.
 */
final class ScimFilterTokens {

    private ScimFilterTokens() {
    }

    static List<String> of(String filter) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()[]".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder("\"");
                i = string(filter, i + 1, text);
                tokens.add(text.toString());
            } else {
                int start = i;
                while (i < filter.length() && !Character.isWhitespace(filter.charAt(i))
                        && "()[]\"".indexOf(filter.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(filter.substring(start, i));
            }
        }
        return tokens;
    }

    /** Reads a JSON string's content from {@code i} (after its opening quote); returns the index after its end. */
    private static int string(String filter, int i, StringBuilder text) {
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= filter.length()) {
                    break;
                }
                char escaped = filter.charAt(i + 1);
                switch (escaped) {
                    case '"', '\\', '/' -> text.append(escaped);
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        if (i + 6 > filter.length()) {
                            throw ScimError.invalidFilter("A \\u escape in the filter is cut short.");
                        }
                        try {
                            text.append((char) Integer.parseInt(filter.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException e) {
                            throw ScimError.invalidFilter("A \\u escape in the filter is not hexadecimal.");
                        }
                        i += 4;
                    }
                    default -> throw ScimError.invalidFilter("'\\" + escaped + "' is not an escape of JSON.");
                }
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        throw ScimError.invalidFilter("A string in the filter is not closed.");
    }
}
