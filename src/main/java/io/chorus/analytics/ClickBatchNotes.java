package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Singleton;

import io.chorus.sharing.clicks.ClickBatchListener;
import io.chorus.sharing.clicks.RecordedClick;

/** Notes each batch of clicks for the rollup ({@link ClickBatchLog}), in the transaction that records it. */
@Singleton
public class ClickBatchNotes implements ClickBatchListener {

    @Override
    public Runnable recorded(Connection connection, List<RecordedClick> clicks) throws SQLException {
        ClickBatchLog.note(connection, clicks, RecordedClick::id);
        return null;
    }
}
