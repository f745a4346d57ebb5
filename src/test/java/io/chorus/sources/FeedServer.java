package io.chorus.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Feeds on 127.0.0.1 (the one private network the test profile lets the service call), as publishers serve them: an RSS
 * 2.0 and an Atom feed of real shape, the same articles again under other GUIDs and tracking parameters, a feed with
 * validators that answers 304, article pages with Open Graph tags, and hostile ones — endless, slow, not XML, billion
 * laughs, an external entity, a redirect to a private address, an error. It counts the requests of each path.
 */
public final class FeedServer implements AutoCloseable {

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
              <channel>
                <title>Acme Newsroom</title>
                <link>%1$s/</link>
                <description>News from Acme</description>
                <item>
                  <title>Wind farm &amp; storage open</title>
                  <link>%1$s/news/wind-farm?utm_source=rss&amp;utm_medium=feed</link>
                  <guid isPermaLink="false">acme-1</guid>
                  <description>&lt;p&gt;Our &lt;b&gt;largest&lt;/b&gt; site yet.&lt;/p&gt;</description>
                  <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
                  <enclosure url="%1$s/img/wind.jpg" length="1000" type="image/jpeg"/>
                </item>
                <item>
                  <title>New CFO appointed</title>
                  <link>%1$s/news/cfo#top</link>
                  <guid>acme-2</guid>
                  <description>A seasoned leader joins.</description>
                  <media:content url="%1$s/img/cfo.png" medium="image"/>
                </item>
                <item>
                  <link>%1$s/page/solar</link>
                  <guid>acme-3</guid>
                </item>
              </channel>
            </rss>""";

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Acme Engineering</title>
              <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
              <updated>2026-12-01T18:30:02Z</updated>
              <entry>
                <title>How we test</title>
                <link rel="alternate" href="%1$s/eng/testing"/>
                <link rel="enclosure" type="image/png" href="%1$s/img/testing.png"/>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                <updated>2026-12-01T18:30:02Z</updated>
                <summary>Real servers, real databases.</summary>
              </entry>
              <entry>
                <title type="html">Scaling &lt;em&gt;PostgreSQL&lt;/em&gt;</title>
                <link href="%1$s/eng/postgres"/>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
                <updated>2026-11-28T08:00:00Z</updated>
                <content type="html">&lt;p&gt;One server goes far.&lt;/p&gt;</content>
              </entry>
            </feed>""";

    /** The RSS feed's articles again, as an aggregator carries them: other GUIDs, tracking parameters, a fragment. */
    static final String COPY = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Aggregator</title>
              <item><title>Wind farm opens</title><link>%1$s/news/wind-farm?fbclid=abc#comments</link><guid>agg-1</guid></item>
              <item><title>CFO</title><link>%1$s/news/cfo?utm_campaign=x</link><guid>agg-2</guid></item>
            </channel></rss>""";

    static final String LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>Laughs</title>
              <item><title>&lol9;</title><link>%1$s/laughs/1</link><guid>laughs-1</guid><description>&lol9;</description></item>
            </channel></rss>""";

    static final String EXTERNAL_ENTITY = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "%1$s/secret"> ]>
            <rss version="2.0"><channel><title>XXE</title>
              <item><title>&xxe;</title><link>%1$s/xxe/1</link><guid>xxe-1</guid><description>&remote;</description></item>
            </channel></rss>""";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests this path got. */
    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int notModified() {
        return notModified.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String base = url("");
        if (path.startsWith("/rss")) {
            send(exchange, 200, "application/rss+xml", RSS.formatted(base));
        } else if (path.startsWith("/atom")) {
            send(exchange, 200, "application/atom+xml", ATOM.formatted(base));
        } else if (path.startsWith("/copy")) {
            send(exchange, 200, "application/rss+xml", COPY.formatted(base));
        } else if (path.startsWith("/race/")) {
            send(exchange, 200, "application/rss+xml", """
                    <rss version="2.0"><channel><title>Race</title>
                    <item><title>Race item</title><link>%s/article%s</link><guid>only</guid></item>
                    </channel></rss>""".formatted(base, path));
        } else if (path.equals("/conditional")) {
            conditional(exchange, base);
        } else if (path.startsWith("/page/")) {
            send(exchange, 200, "text/html; charset=utf-8", """
                    <html><head><title>Plain</title>
                    <meta property="og:title" content="Solar park on the roof">
                    <meta property="og:description" content="Every building, a power plant.">
                    <meta property="og:image" content="/img/solar.jpg"></head><body>…</body></html>""");
        } else if (path.equals("/laughs")) {
            send(exchange, 200, "application/rss+xml", LAUGHS.formatted(base));
        } else if (path.equals("/xxe")) {
            send(exchange, 200, "application/rss+xml", EXTERNAL_ENTITY.formatted(base));
        } else if (path.equals("/endless")) {
            endless(exchange);
        } else if (path.equals("/slow")) {
            awaitStop(30);
            exchange.close();
        } else if (path.equals("/not-xml")) {
            send(exchange, 200, "text/html", "<html><body><h1>Welcome</h1> this is not a feed</body></html>");
        } else if (path.equals("/to-private")) {
            exchange.getResponseHeaders().add("Location", "http://10.0.0.1/feed.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } else if (path.equals("/broken")) {
            send(exchange, 500, "text/plain", "oops");
        } else {
            send(exchange, 404, "text/plain", "not here");
        }
    }

    private void conditional(HttpExchange exchange, String base) throws IOException {
        String etag = "\"v1\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                && "Tue, 01 Dec 2026 10:00:00 GMT".equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
        send(exchange, 200, "application/atom+xml", ATOM.formatted(base));
    }

    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            byte[] filler = "<item><title>x</title></item>".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100_000 && stopped.getCount() > 0; i++) { // ~3 GB unless the reader stops
                out.write(filler);
            }
        } catch (IOException closedByTheReader) {
            // expected: the service stops reading at its limit
        }
    }

    private void awaitStop(int seconds) {
        try {
            stopped.await(seconds, TimeUnit.SECONDS); // far past the service's timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
