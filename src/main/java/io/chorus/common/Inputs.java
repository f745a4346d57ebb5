package io.chorus.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.chorus.common.problem.ProblemException;

/** Normalises and checks free-form input the same way everywhere. */
public final class Inputs {

    private Inputs() {
    }

    /** Strips surrounding blanks; blank text is a violation of the field. */
    public static String requireText(String field, String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        return stripped;
    }

    /** A BCP 47 language tag in its canonical form ({@code pt-br} becomes {@code pt-BR}); null is English. */
    public static String language(String field, String tag) {
        if (tag == null) {
            return "en";
        }
        String canonical = Locale.forLanguageTag(tag.strip()).toLanguageTag();
        if (canonical.equals("und")) {
            throw ProblemException.invalid(field, "must be a BCP 47 language tag");
        }
        return canonical;
    }

    /** An absolute http or https URL of at most 2048 characters. */
    public static String webUrl(String field, String value) {
        String url = value.strip();
        if (url.length() > 2048) {
            throw ProblemException.invalid(field, "must be at most 2048 characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.invalid(field, "must be an http or https URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "must be an http or https URL");
        }
    }
}
