package io.chorus.sharing;

import java.util.UUID;

/**
 * Sharing waits for the organization's charter: a member shares once they have accepted its current version. The
 * charter is trust's (which sits above sharing, reading shares for a member's data); trust implements this.
 */
public interface CharterCheck {

    /** The slug of the problem a member who has not accepted the charter gets. */
    String NOT_ACCEPTED = "charter-not-accepted";

    /** Refuses (409, {@value #NOT_ACCEPTED}) while the member has not accepted the charter's current version. */
    void requireAccepted(UUID memberId);
}
