package io.chorus.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.chorus.content.Network;

/**
 * The URL that opens a network's share dialog pre-filled with the tracked link (and the message, where the network
 * takes one). Every value is percent-encoded as a URI component (RFC 3986: spaces as %20, so that mailto: bodies read
 * right too).
 */
final class IntentUrls {

    private IntentUrls() {
    }

    static String of(Network network, String shortUrl, String message, String title) {
        return switch (network) {
            case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(shortUrl);
            case X -> "https://x.com/intent/tweet?text=" + encode(message) + "&url=" + encode(shortUrl);
            case FACEBOOK -> "https://www.facebook.com/sharer/sharer.php?u=" + encode(shortUrl);
            case XING -> "https://www.xing.com/spi/shares/new?url=" + encode(shortUrl);
            case WHATSAPP -> "https://wa.me/?text=" + encode(message + " " + shortUrl);
            case EMAIL -> "mailto:?subject=" + encode(title) + "&body=" + encode(message + "\n\n" + shortUrl);
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E",
                "~");
    }
}
