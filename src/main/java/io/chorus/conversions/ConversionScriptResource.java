package io.chorus.conversions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code /c.js}, the script a site includes to report conversions from its pages (under 2 kB). Plain, it keeps the
 * visit's click id in {@code sessionStorage} only. Loaded as {@code /c.js?key=pk_...} with a publishable key of an
 * organization that turned the click cookie on, it is the variant that also keeps the click id in a first-party cookie
 * for the attribution window. Each variant is the same bytes for every site of the organization, so browsers and
 * proxies cache it for {@value #MAX_AGE} s; a change of the setting reaches them within that.
 */
@Path("/c.js")
@PermitAll
public class ConversionScriptResource {

    static final int MAX_AGE = 300;
    /** Where the script says for how many days it keeps the cookie (0: none). */
    private static final String DAYS = "0/*days*/";
    private static final String SOURCE = source();
    private final Map<Integer, byte[]> variants = new ConcurrentHashMap<>();
    private final ConversionKeys keys;

    @Inject
    public ConversionScriptResource(ConversionKeys keys) {
        this.keys = keys;
    }

    @GET
    @Blocking
    public Response script(@RestQuery @Size(max = 100) String key) {
        int days = 0;
        String caching = "public, max-age=" + MAX_AGE;
        if (key != null) {
            try {
                // An unknown, revoked or secret key gets the plain script: the site's reports then say what is wrong.
                days = keys.of(key).filter(k -> k.kind() == ConversionKeyKind.PUBLISHABLE)
                        .map(ConversionKeys.Key::cookieDays).orElse(0);
            } catch (IllegalStateException e) {
                // The database is away: the plain script keeps the site's pages working, and is not kept.
                caching = "no-store";
            }
        }
        byte[] script = variants.computeIfAbsent(days,
                d -> SOURCE.replace(DAYS, String.valueOf(d)).getBytes(StandardCharsets.UTF_8));
        return Response.ok(script, "text/javascript; charset=utf-8").header("Cache-Control", caching).build();
    }

    private static String source() {
        try (InputStream in = ConversionScriptResource.class.getResourceAsStream("/conversions/c.js")) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!source.contains(DAYS)) {
                throw new IllegalStateException("conversions/c.js does not say where its cookie days go");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
