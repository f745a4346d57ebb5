package io.chorus.content;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the server-side fetch behind link previews, under {@code chorus.link-previews.}. */
@ConfigMapping(prefix = "chorus.link-previews")
public interface LinkPreviewConfig {

    /** The whole fetch, redirects included. */
    @WithDefault("PT5S")
    Duration timeout();

    @WithDefault("3")
    int maxRedirects();

    /** Only this much of a page is read; metadata lives in its head. */
    @WithDefault("1048576")
    int maxBytes();

}
