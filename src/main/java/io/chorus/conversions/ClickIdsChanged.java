package io.chorus.conversions;

import java.util.UUID;

/**
 * An organization turned click ids on or off: its short links carry {@code chorus_click} or not from now on (the
 * redirect's link cache observes it).
 */
public record ClickIdsChanged(UUID organizationId) {
}
