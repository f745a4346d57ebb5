package io.chorus.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.chorus.common.Pages;
import io.quarkus.qute.TemplateInstance;

/** How the admin UI's and the app's pages are answered: their language, their headers, the redirect after a form. */
public final class WebPages {

    /**
     * Stricter than it looks: scripts and styles only from this service (no inline ones), images from here, data: URLs
     * (the stylesheet's icons) and https (content previews), forms only to here, never framed.
     */
    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; manifest-src 'self'";
    public static final Map<String, String> HEADERS;
    static {
        Map<String, String> headers = new HashMap<>(Pages.HEADERS);
        headers.put("Content-Security-Policy", SECURITY_POLICY);
        HEADERS = Map.copyOf(headers);
    }

    private WebPages() {
    }

    public static Response render(int status, TemplateInstance template, Locale locale) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(template.setLocale(locale).render().getBytes(StandardCharsets.UTF_8))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Language", locale.getLanguage());
        HEADERS.forEach(response::header);
        return response.build();
    }

    /** After a form: back to a page with GET (303), so that reloading never repeats the action. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
