package io.chorus.sharing.clicks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A followed short link as the redirect saw it, waiting in memory to be written. The client address lives only here:
 * the writer turns it into a visitor id and drops it.
 *
 * @param bearer
 *            the request's bearer token, if it carried one: the sharer's own session does not count
 */
record Click(UUID id, UUID shareId, UUID organizationId, UUID sharerId, UUID contentId, long atMillis,
        String clientAddress, String userAgent, String referrer, String bearer) {

    /** A time-ordered id (UUID version 7 layout), so that the primary key index grows at its right edge. */
    static UUID newId(long millis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
