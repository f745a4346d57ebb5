package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.LocalWebServer;
import io.chorus.support.Organizations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = LocalWebServer.class, restrictToAnnotatedClass = true)
class LinkPreviewResourceTest {

    static String curator;

    @BeforeEach
    void login() {
        if (curator == null) {
            curator = Organizations.create().member("curator").token();
        }
    }

    @Test
    void openGraphMetadataFillsThePreview() {
        preview(LocalWebServer.url("/article")).then().statusCode(200).body("title", equalTo("Wind farm opens"))
                .body("description", equalTo("Our largest site yet."))
                .body("imageUrl", equalTo(LocalWebServer.url("/img/farm.jpg"))).body("siteName", equalTo("Acme News"));
        preview(LocalWebServer.url("/plain")).then().statusCode(200).body("title", equalTo("Only a title"))
                .body("description", equalTo("Tweety")).body("imageUrl", nullValue())
                .body("siteName", equalTo("127.0.0.1"));
    }

    @Test
    void redirectsAreFollowedUpToThree() {
        preview(LocalWebServer.url("/hop?n=2")).then().statusCode(200).body("title", equalTo("Wind farm opens"));
        preview(LocalWebServer.url("/hop?n=3")).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("link-preview-refused")).body("detail", containsString("more than 3"));
    }

    @Test
    void aRedirectToALocalOrPrivateAddressIsRefused() {
        preview(LocalWebServer.url("/to-loopback")).then().statusCode(422).body("detail",
                containsString("not a public address"));
        preview(LocalWebServer.url("/to-private")).then().statusCode(422).body("detail", containsString("10.0.0.1"));
        preview(LocalWebServer.url("/to-metadata")).then().statusCode(422).body("detail",
                containsString("169.254.169.254"));
    }

    @Test
    void localPrivateAndNonWebTargetsAreRefusedOutright() {
        // 127.0.0.0/8 is the one private network the test profile allows: everything else private stays refused, and
        // the metadata addresses always are.
        for (String url : new String[] { "http://[::1]/", "http://192.168.1.1/", "http://172.16.0.1/",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://169.254.169.254/latest/",
                "http://[fd00:ec2::254]/" }) {
            preview(url).then().statusCode(422).contentType("application/problem+json").body("detail",
                    containsString("not a public address"));
        }
        for (String url : new String[] { "ftp://example.com/file", "file:///etc/passwd", "not a url" }) {
            preview(url).then().statusCode(422).contentType("application/problem+json");
        }
        Api.as(curator).body(Map.of()).post("/api/v1/link-previews").then().statusCode(400);
    }

    @Test
    void anEndlessPageIsReadOnlyUpToTheLimit() throws InterruptedException {
        preview(LocalWebServer.url("/endless")).then().statusCode(200).body("title", equalTo("Huge page"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!LocalWebServer.ENDLESS_ENDED.get()) {
            assertThat(System.nanoTime() - deadline).as("the service closes the endless page").isNegative();
            Thread.sleep(20);
        }
        // 1 MiB read, plus what the sockets' buffers held when the service closed: never the 1.3 GB on offer.
        assertThat(LocalWebServer.ENDLESS_SENT.get()).isLessThan(32L << 20);
    }

    @Test
    void aSlowPageRunsOutOfTime() {
        preview(LocalWebServer.url("/slow")).then().statusCode(422).body("detail", containsString("longer than"));
        preview(LocalWebServer.url("/pdf")).then().statusCode(422).body("detail", containsString("not an HTML page"));
    }

    private static Response preview(String url) {
        return Api.as(curator).body(Map.of("url", url)).post("/api/v1/link-previews");
    }
}
