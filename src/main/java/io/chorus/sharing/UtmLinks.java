package io.chorus.sharing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds the UTM parameters of a share to the content's URL, keeping the URL's own query and fragment as they are; a utm
 * key the URL already has is left alone.
 */
public final class UtmLinks {

    public static final String ALWAYS_ON = "always-on";

    private UtmLinks() {
    }

    public static String tag(String url, String source, String campaign, String code) {
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", source);
        utm.put("utm_medium", "employee_advocacy");
        utm.put("utm_campaign", campaign);
        utm.put("utm_content", code);

        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);
        Set<String> present = query.isEmpty() ? Set.of()
                : java.util.Arrays.stream(query.split("&")).map(pair -> decode(pair.split("=", 2)[0]))
                        .collect(Collectors.toSet());
        StringBuilder tagged = new StringBuilder(beforeFragment);
        char separator = question < 0 ? '?' : (query.isEmpty() || query.endsWith("&") ? 0 : '&');
        for (var entry : utm.entrySet()) {
            if (present.contains(entry.getKey())) {
                continue;
            }
            if (separator != 0) {
                tagged.append(separator);
            }
            tagged.append(entry.getKey()).append('=').append(IntentUrls.encode(entry.getValue()));
            separator = '&';
        }
        return tagged.append(fragment).toString();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
