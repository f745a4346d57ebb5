package io.chorus.scim;

import io.chorus.common.problem.ScimError;

/**
 * A SCIM resource's version as an ETag ({@code W/"<version>"}, RFC 7644 §3.14), and If-Match: a request naming another
 * version (or none of those it lists) changes nothing and is a 412.
 */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "W/\"" + version + "\"";
    }

    static void require(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + version + "\"")) {
                return;
            }
        }
        throw ScimError.preconditionFailed();
    }
}
