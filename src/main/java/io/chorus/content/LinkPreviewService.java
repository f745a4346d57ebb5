package io.chorus.content;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.problem.ProblemException;

/**
 * Fetches a page a user named and reads its OpenGraph, Twitter and HTML metadata. The fetch is of a user-given URL, so
 * it only goes where {@link OutboundAddresses} allows (public addresses, and the private networks the deployment
 * lists): every host is resolved and checked before it is contacted, on the first request and on each redirect, which
 * it follows itself (at most 3). The check's answer is what the connection uses too: the JVM caches successful look-ups
 * (30 s by default), so a name cannot point elsewhere between the two. A 5 s budget covers the whole fetch, and at most
 * 1 MiB of the page is read.
 */
@ApplicationScoped
public class LinkPreviewService {

    public record LinkPreview(String title, String description, String imageUrl, String siteName) {
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final LinkPreviewConfig config;
    private final OutboundAddresses addresses;
    private final HttpClient client;

    @Inject
    public LinkPreviewService(LinkPreviewConfig config, OutboundAddresses addresses) {
        this.config = config;
        this.addresses = addresses;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).build();
    }

    public LinkPreview preview(String url) {
        Instant deadline = Instant.now().plus(config.timeout());
        URI target = parse(url);
        for (int redirects = 0;; redirects++) {
            requirePublic(target);
            HttpResponse<InputStream> response = get(target, deadline);
            if (REDIRECTS.contains(response.statusCode())) {
                closeQuietly(response);
                if (redirects == config.maxRedirects()) {
                    throw refused("it redirects more than " + config.maxRedirects() + " times");
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> refused("it redirects without saying where"));
                target = parse(target.resolve(location.strip()).toString());
                continue;
            }
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                closeQuietly(response);
                throw refused("the page answered HTTP " + response.statusCode());
            }
            return read(target, response);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw refused("only http and https links can be previewed");
            }
            if (uri.getHost() == null) {
                throw refused("the link has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refused("it is not a valid URL");
        }
    }

    private void requirePublic(URI target) {
        try {
            addresses.resolve(target);
        } catch (OutboundAddresses.Refused e) {
            throw refused(e.getMessage());
        }
    }

    private HttpResponse<InputStream> get(URI target, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw refused("the page took longer than " + config.timeout().toSeconds() + " s");
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(left).GET()
                .header("User-Agent", "ChorusLinkPreview/1.0 (+link previews for employee advocacy)")
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1").build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw refused("the page took longer than " + config.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw refused("the page could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("the fetch was interrupted");
        }
    }

    private LinkPreview read(URI target, HttpResponse<InputStream> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.contains("html")) {
            closeQuietly(response);
            throw refused("it is not an HTML page (" + contentType + ")");
        }
        byte[] page;
        try (InputStream body = response.body()) {
            page = body.readNBytes(config.maxBytes());
        } catch (IOException e) {
            throw refused("the page could not be read");
        }
        Document document = Jsoup.parse(new String(page, charsetOf(contentType)), target.toString());
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

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(422, "link-preview-refused", "Link cannot be previewed",
                "This link cannot be previewed: " + why + ".");
    }
}
