package io.chorus.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads an RSS 2.0 or Atom document with jsoup's XML parser, which never reads a DTD: no entity is defined by the
 * document, so none expands (billion laughs) nor pulls in a file or a URL (external entities); such a reference stays
 * the text it is. Malformed XML is read as far as it makes sense; a document with neither a channel nor a feed is
 * refused.
 */
final class FeedParser {

    /** One item of a feed; any field but {@code link} may be missing. */
    record Entry(String guid, String link, String title, String summary, String imageUrl, Instant published) {
    }

    /** The document is not a feed. */
    static final class NotAFeed extends RuntimeException {

        NotAFeed(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int SUMMARY_MAX = 2000;

    private FeedParser() {
    }

    /** Its first {@code max} items that have a link (in the feed's order). */
    static List<Entry> parse(byte[] document, String baseUrl, int max) {
        Document xml;
        try {
            xml = Jsoup.parse(new ByteArrayInputStream(document), null, baseUrl, Parser.xmlParser());
        } catch (IOException e) {
            throw new NotAFeed("it could not be read as XML");
        }
        Element root = xml.children().stream().filter(e -> !e.normalName().startsWith("?")).findFirst()
                .orElseThrow(() -> new NotAFeed("it is empty"));
        List<Entry> entries = new ArrayList<>();
        if (root.normalName().equals("rss") || root.normalName().equals("rdf:rdf")) {
            Element channel = child(root, "channel");
            if (channel == null) {
                throw new NotAFeed("it is an RSS document without a channel");
            }
            List<Element> items = children(channel, "item");
            items.addAll(children(root, "item")); // RSS 1.0 lists its items beside the channel
            for (Element item : items) {
                if (entries.size() == max) {
                    break;
                }
                add(entries, rss(item, baseUrl));
            }
        } else if (root.normalName().equals("feed")) {
            for (Element entry : children(root, "entry")) {
                if (entries.size() == max) {
                    break;
                }
                add(entries, atom(entry, baseUrl));
            }
        } else {
            throw new NotAFeed(
                    "it is neither an RSS 2.0 nor an Atom feed (its root is <" + shorten(root.tagName(), 50) + ">)");
        }
        return entries;
    }

    /** Items without a link cannot be shared: they are left out. */
    private static void add(List<Entry> entries, Entry entry) {
        if (entry.link() != null) {
            entries.add(entry);
        }
    }

    private static Entry rss(Element item, String baseUrl) {
        String link = webUrl(text(child(item, "link")), baseUrl);
        String guid = text(child(item, "guid"));
        String image = null;
        for (Element candidate : item.children()) {
            String name = candidate.normalName();
            String type = candidate.attr("type").toLowerCase(Locale.ROOT);
            boolean picture = type.startsWith("image/") || candidate.attr("medium").equals("image")
                    || (type.isEmpty() && !name.equals("enclosure"));
            if ((name.equals("enclosure") || name.equals("media:content") || name.equals("media:thumbnail"))
                    && picture) {
                image = webUrl(candidate.attr("url"), baseUrl);
                if (image != null) {
                    break;
                }
            }
        }
        if (image == null) {
            Element group = child(item, "media:group");
            Element content = group == null ? null : child(group, "media:content");
            image = content == null ? null : webUrl(content.attr("url"), baseUrl);
        }
        return new Entry(guid == null ? link : guid, link, plain(text(child(item, "title")), 300),
                plain(text(child(item, "description")), SUMMARY_MAX), image, rfc1123(text(child(item, "pubdate"))));
    }

    private static Entry atom(Element entry, String baseUrl) {
        String link = null;
        String image = null;
        for (Element candidate : children(entry, "link")) {
            String rel = candidate.attr("rel").isEmpty() ? "alternate" : candidate.attr("rel");
            if (rel.equals("alternate") && link == null) {
                link = webUrl(candidate.attr("href"), baseUrl);
            } else if (rel.equals("enclosure") && candidate.attr("type").startsWith("image/") && image == null) {
                image = webUrl(candidate.attr("href"), baseUrl);
            }
        }
        if (image == null) {
            Element thumbnail = child(entry, "media:thumbnail");
            image = thumbnail == null ? null : webUrl(thumbnail.attr("url"), baseUrl);
        }
        String id = text(child(entry, "id"));
        String summary = text(child(entry, "summary"));
        if (summary == null) {
            summary = text(child(entry, "content"));
        }
        String updated = text(child(entry, "published"));
        return new Entry(id == null ? link : id, link, plain(text(child(entry, "title")), 300),
                plain(summary, SUMMARY_MAX), image, iso(updated == null ? text(child(entry, "updated")) : updated));
    }

    private static Element child(Element parent, String name) {
        for (Element child : parent.children()) {
            if (child.normalName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.children()) {
            if (child.normalName().equals(name)) {
                found.add(child);
            }
        }
        return found;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : shorten(text, 100_000);
    }

    /** Text that may be escaped HTML (an RSS description), as plain text of at most {@code max} characters. */
    private static String plain(String html, int max) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(html).text().strip();
        return text.isEmpty() ? null : shorten(text, max);
    }

    /** An absolute http(s) URL of at most 2048 characters, resolved against the feed's, or null. */
    private static String webUrl(String url, String baseUrl) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String absolute = java.net.URI.create(baseUrl).resolve(url.strip()).toString();
            String lower = absolute.toLowerCase(Locale.ROOT);
            boolean web = lower.startsWith("http://") || lower.startsWith("https://");
            return web && absolute.length() <= 2048 ? absolute : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant rfc1123(String date) {
        if (date == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant iso(String date) {
        if (date == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String shorten(String text, int most) {
        return text.length() > most ? text.substring(0, most) : text;
    }
}
