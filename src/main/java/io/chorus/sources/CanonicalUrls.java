package io.chorus.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of an article's URL under which two feeds (or two polls of one) are the same article: scheme and host in
 * lower case, no default port, no fragment, and none of the campaign and click-tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}...) that tell only how the link was reached.
 */
final class CanonicalUrls {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "spm");

    private CanonicalUrls() {
    }

    static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return url.strip();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return url.strip();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        StringBuilder canonical = new StringBuilder(scheme).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            List<String> kept = new ArrayList<>();
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(parameter);
                }
            }
            if (!kept.isEmpty()) {
                canonical.append('?').append(String.join("&", kept));
            }
        }
        return canonical.toString();
    }
}
