package io.chorus.common;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** Server-rendered pages: the language they speak and the headers they all carry. */
public final class Pages {

    static final String SECURITY_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private Pages() {
    }

    /** The headers every page carries: a strict Content-Security-Policy, no referrer, no caching. */
    public static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", SECURITY_POLICY,
            "Referrer-Policy", "no-referrer", "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store");

    /** An HTML page with a strict Content-Security-Policy and no caching. */
    public static Response page(int status, TemplateInstance template, Locale locale) {
        Response.ResponseBuilder response = Response.status(status).entity(template.setLocale(locale))
                .type(MediaType.TEXT_HTML_TYPE).header("Content-Language", locale.getLanguage());
        HEADERS.forEach(response::header);
        return response.build();
    }

    /** English or French, from Accept-Language; English when neither is asked for. */
    public static Locale localeOf(HttpHeaders headers) {
        return bestOf(headers.getAcceptableLanguages().stream().map(Locale::getLanguage).toList());
    }

    /** English or French, from an Accept-Language header's value (null when absent). */
    public static Locale localeOf(String acceptLanguage) {
        try {
            return bestOf(acceptLanguage == null ? List.of()
                    : Locale.LanguageRange.parse(acceptLanguage).stream()
                            .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                            .map(r -> r.getRange().split("-", 2)[0]).toList());
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    private static Locale bestOf(List<String> wanted) {
        for (String language : wanted) {
            for (Locale offered : LANGUAGES) {
                if (offered.getLanguage().equalsIgnoreCase(language)) {
                    return offered;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
