package io.chorus.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UtmLinksTest {

    private static final String UTM = "utm_source=x&utm_medium=employee_advocacy&utm_campaign=always-on&utm_content=Ab3_-xYz12";

    @Test
    void aPlainUrlGetsEveryParameter() {
        assertThat(UtmLinks.tag("https://ex.com/a", "x", "always-on", "Ab3_-xYz12"))
                .isEqualTo("https://ex.com/a?" + UTM);
    }

    @Test
    void theUrlsOwnQueryAndFragmentAreKept() {
        assertThat(UtmLinks.tag("https://ex.com/a?id=7&q=a%20b#section-2", "x", "always-on", "Ab3_-xYz12"))
                .isEqualTo("https://ex.com/a?id=7&q=a%20b&" + UTM + "#section-2");
        assertThat(UtmLinks.tag("https://ex.com/a?#top", "x", "always-on", "Ab3_-xYz12"))
                .isEqualTo("https://ex.com/a?" + UTM + "#top");
    }

    @Test
    void aUtmKeyTheUrlAlreadyHasIsLeftAsItIs() {
        assertThat(UtmLinks.tag("https://ex.com/?utm_source=newsletter&utm_campaign=spring", "linkedin", "always-on",
                "C0de12345x")).isEqualTo(
                        "https://ex.com/?utm_source=newsletter&utm_campaign=spring&utm_medium=employee_advocacy&utm_content=C0de12345x");
    }

    @Test
    void valuesAreEncoded() {
        assertThat(UtmLinks.tag("https://ex.com/", "x", "Black Friday & more", "c"))
                .contains("utm_campaign=Black%20Friday%20%26%20more");
    }
}
