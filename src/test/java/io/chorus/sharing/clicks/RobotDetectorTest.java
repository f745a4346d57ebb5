package io.chorus.sharing.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Robots never count; people do, including in the social apps' own browsers. */
class RobotDetectorTest {

    private static RobotDetector detector;

    @BeforeAll
    static void analyzer() {
        detector = new RobotDetector(true);
    }

    @Test
    void linkPreviewFetchersCrawlersAndHttpLibrariesAreRobots() {
        List<String> robots = List.of(
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Twitterbot/1.0",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0 A",
                "TelegramBot (like TwitterBot)", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5", "curl/8.5.0", "Wget/1.21",
                "python-requests/2.31.0", "Go-http-client/1.1", "okhttp/4.12.0", "Java-http-client/17",
                "Apache-HttpClient/4.5.14 (Java/17.0.9)", "axios/1.6.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0"
                        + " Safari/537.36",
                "", "   ");
        robots.forEach(agent -> assertThat(detector.classify(agent).robot()).as(agent).isTrue());
        assertThat(detector.classify(null).robot()).isTrue();
    }

    @Test
    void peopleInBrowsersAndInAppBrowsersAreNot() {
        List<String> people = List.of(ClickCountingTest.CHROME, ClickCountingTest.FIREFOX, ClickCountingTest.SAFARI_MAC,
                ClickCountingTest.LINKEDIN_APP,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/17.5 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.38.108;FBBV/614000000;FBDV/iPhone15,2;FBMD/iPhone;"
                        + "FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36"
                        + " (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36"
                        + " [LinkedInApp]/4.1.990");
        people.forEach(agent -> assertThat(detector.classify(agent).robot()).as(agent).isFalse());
    }

    @Test
    void theFamilyIsShortAndNamesTheAppForInAppBrowsers() {
        assertThat(detector.classify(ClickCountingTest.CHROME).family()).isEqualTo("Chrome");
        assertThat(detector.classify(ClickCountingTest.LINKEDIN_APP).family()).isEqualTo("LinkedIn");
        assertThat(detector.classify("").family()).isEqualTo("Empty");
        assertThat(detector.classify("x".repeat(5000)).family()).hasSizeLessThanOrEqualTo(64);
    }
}
