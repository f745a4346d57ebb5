package io.chorus.sharing.clicks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What else a batch of clicks does, in the transaction that records it: sharing records clicks and decides nothing
 * about them; scoring decides what they earn, analytics notes the batch for its rollup. Every listener runs on the
 * writer's connection after the batch's rows are copied, so a click is recorded, scored and noted together or not at
 * all; a listener's exception rolls the batch back (it is kept and retried). Listeners must not depend on each other's
 * order.
 */
public interface ClickBatchListener {

    /**
     * Called inside the batch's transaction. Returns what to do once the batch committed (forget or remember what the
     * transaction made true), or null for nothing; it is not run when the batch rolls back.
     */
    Runnable recorded(Connection connection, List<RecordedClick> clicks) throws SQLException;
}
