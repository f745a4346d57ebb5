package io.chorus.common;

import java.util.List;
import java.util.Locale;

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

    /** An HTML page with a strict Content-Security-Policy and no caching. */
    public static Response page(int status, TemplateInstance template, Locale locale) {
        return Response.status(status).entity(template.setLocale(locale)).type(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", SECURITY_POLICY).header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                .header("Content-Language", locale.getLanguage()).build();
    }

    /** English or French, from Accept-Language; English when neither is asked for. */
    public static Locale localeOf(HttpHeaders headers) {
        for (Locale wanted : headers.getAcceptableLanguages()) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
