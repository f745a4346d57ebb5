package io.chorus.content;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.http.OutboundFetch;
import io.chorus.common.problem.ProblemException;

/**
 * Fetches a page a user named and reads its OpenGraph, Twitter and HTML metadata. The fetch is of a user-given URL, so
 * it is an {@link OutboundFetch}: it only goes where {@link OutboundAddresses} allows (public addresses, and the
 * private networks the deployment lists), on the first request and on each redirect (at most 3). A 5 s budget covers
 * the whole fetch, and at most 1 MiB of the page is read.
 */
@ApplicationScoped
public class LinkPreviewService {

    public record LinkPreview(String title, String description, String imageUrl, String siteName) {
    }

    private final LinkPreviewConfig config;
    private final OutboundFetch fetch;

    @Inject
    public LinkPreviewService(LinkPreviewConfig config, OutboundAddresses addresses) {
        this.config = config;
        this.fetch = new OutboundFetch(addresses, config.timeout(),
                "ChorusLinkPreview/1.0 (+link previews for employee advocacy)");
    }

    public LinkPreview preview(String url) {
        OutboundFetch.Answer answer;
        try {
            answer = fetch.get(url, Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"),
                    new OutboundFetch.Limits(config.timeout(), config.maxRedirects(), config.maxBytes(), true));
        } catch (OutboundFetch.Failed e) {
            throw refused(e.getMessage());
        }
        if (answer.status() < 200 || answer.status() > 299) {
            throw refused("the page answered HTTP " + answer.status());
        }
        return read(answer);
    }

    /** The page's metadata, when its answer is an HTML page. */
    private static LinkPreview read(OutboundFetch.Answer answer) {
        String contentType = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.contains("html")) {
            throw refused("it is not an HTML page (" + contentType + ")");
        }
        URI target = answer.uri();
        Document document = Jsoup.parse(new String(answer.body(), charsetOf(contentType)), target.toString());
        String title = first(document, "meta[property=og:title]", "meta[name=twitter:title]")
                .orElseGet(() -> blankToNull(document.title()));
        String description = first(document, "meta[property=og:description]", "meta[name=twitter:description]",
                "meta[name=description]").orElse(null);
        String image = firstUrl(document, "meta[property=og:image]", "meta[property=og:image:url]",
                "meta[name=twitter:image]").orElse(null);
        String siteName = first(document, "meta[property=og:site_name]").orElse(target.getHost());
        return new LinkPreview(title, description, image, siteName);
    }

    private static Optional<String> first(Document document, String... selectors) {
        for (String selector : selectors) {
            for (Element element : document.select(selector)) {
                String value = blankToNull(element.attr("content"));
                if (value != null) {
                    return Optional.of(value.length() > 2000 ? value.substring(0, 2000) : value);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstUrl(Document document, String... selectors) {
        for (String selector : selectors) {
            for (Element element : document.select(selector)) {
                String url = element.absUrl("content");
                if (url.startsWith("https://") || url.startsWith("http://")) {
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    private static Charset charsetOf(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at >= 0) {
            String name = contentType.substring(at + 8).replaceAll("[\";].*$", "").strip();
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ProblemException refused(String why) {
        return new ProblemException(422, "link-preview-refused", "Link cannot be previewed",
                "This link cannot be previewed: " + why + ".");
    }
}
