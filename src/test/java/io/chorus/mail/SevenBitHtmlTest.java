package io.chorus.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The letters' HTML goes out as 7-bit lines that a mail client reads exactly as the template's HTML. */
class SevenBitHtmlTest {

    @Test
    void everyCharacterBeyondAsciiBecomesAReferenceAndLongLinesBreakAtASpaceWithoutChangingWhatIsRead() {
        String words = "Partagez l’actualité de l’équipe 🎉 — ".repeat(80);
        String html = "<!DOCTYPE html>\r\n<html lang=\"fr\"><body>\r\n<table role=\"presentation\">\n<tr><td style=\"a:b;\">"
                + words + "</td></tr>\n</table>\n<a href=\"https://chorus.example/share/" + "x".repeat(300)
                + "\" title=\"Partager ça\">Partager sur LinkedIn</a>\n</body></html>";

        String sent = Letters.sevenBit(html);

        assertThat(sent.chars()).allMatch(c -> c < 0x80 && c != '\r');
        assertThat(sent.lines()).allMatch(line -> line.length() <= Letters.LINE + 1);
        assertThat(sent.lines().count()).as("short lines joined, long ones broken").isBetween(4L, 10L);
        Document before = Jsoup.parse(html);
        Document after = Jsoup.parse(sent);
        assertThat(after.text()).isEqualTo(before.text()).contains("l’équipe 🎉");
        assertThat(after.select("a").attr("href")).isEqualTo(before.select("a").attr("href"));
        assertThat(after.select("a").attr("title")).isEqualTo("Partager ça");
    }

    @Test
    void plainAsciiWithShortLinesIsUnchangedButForItsLineBreaks() {
        String html = "<p>One</p>\n<p>Two</p>";
        assertThat(Letters.sevenBit(html)).isEqualTo("<p>One</p> <p>Two</p>");
    }
}
