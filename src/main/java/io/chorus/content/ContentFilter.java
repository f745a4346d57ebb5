package io.chorus.content;

import java.util.Optional;

/** The filters of the curators' content list: {@code status} (as it is now), {@code topic}, {@code q}. */
public record ContentFilter(Optional<ContentStatus> status, Optional<String> topic, Optional<String> query) {
}
