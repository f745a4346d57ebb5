package io.chorus.content;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.chorus.common.problem.ProblemException;

/**
 * Topics are normalised tags: "#Climate Action " becomes "climate-action", so that the same topic is always spelled the
 * same.
 */
public final class Topics {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,49}");

    private Topics() {
    }

    public static String[] normalize(List<String> topics) {
        if (topics == null) {
            return new String[0];
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            normalized.add(normalize("topics[" + i + "]", topics.get(i)));
        }
        return normalized.toArray(String[]::new);
    }

    public static String normalize(String field, String topic) {
        String tag = Normalizer.normalize(topic, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        while (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        tag = tag.replaceAll("[\\s_]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (!ALLOWED.matcher(tag).matches()) {
            throw ProblemException.invalid(field, "must be a tag of letters, digits and hyphens (at most 50)");
        }
        return tag;
    }
}
