package io.chorus.sharing.clicks;

import java.util.UUID;

/**
 * A followed short link as the redirect saw it, waiting in memory to be written. The client address lives only here:
 * the writer turns it into a visitor id and drops it.
 *
 * @param bearer
 *            the request's bearer token, if it carried one: the sharer's own session does not count
 */
record Click(UUID id, UUID shareId, UUID organizationId, UUID sharerId, UUID contentId, long atMillis,
        String clientAddress, String userAgent, String referrer, String bearer) {

    /** A time-ordered, unguessable id: the click id a site reports conversions with ({@link ClickIds}). */
    static UUID newId(long millis) {
        return ClickIds.next(millis);
    }
}
