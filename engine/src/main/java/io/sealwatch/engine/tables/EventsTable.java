package io.sealwatch.engine.tables;

import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.result.RunResult;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * {@code tables/events}: every normalised event ingest kept, {@link EventRows#SCHEMA}, sorted by
 * (day, time, source, file, record) ({@link EventRows#TABLE_ORDER}), so the file is the same from run to run.
 */
public final class EventsTable extends TableRenderer {

    public EventsTable() {
        super("events", EventRows.SCHEMA);
    }

    @Override
    List<Row> rows(RunResult result) {
        return result.ingested().stream().sorted(EventRows.TABLE_ORDER).map(EventRows::toRow).toList();
    }
}
