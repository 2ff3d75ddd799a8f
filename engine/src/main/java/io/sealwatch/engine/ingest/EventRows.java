package io.sealwatch.engine.ingest;

import io.sealwatch.model.EventClass;
import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.NormalizedEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * The Parquet/Spark form of {@link NormalizedEvent}: one column per field, plus {@code day} (UTC date,
 * the first sort key of the single events file, which is not partitioned) and {@code contentHash}
 * (sha-256 of the raw record, for duplicate detection). Column names are the record's field names.
 */
public final class EventRows {
    public static final StructType SCHEMA = new StructType()
            .add("time", DataTypes.TimestampType, false)
            .add("sourceType", DataTypes.StringType, false)
            .add("sourceFile", DataTypes.StringType, false)
            .add("record", DataTypes.LongType, false)
            .add("eventId", DataTypes.StringType, true)
            .add("eventClass", DataTypes.StringType, false)
            .add("action", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("actor", DataTypes.StringType, true)
            .add("person", DataTypes.StringType, true)
            .add("target", DataTypes.StringType, true)
            .add("account", DataTypes.StringType, true)
            .add("mfa", DataTypes.StringType, true)
            .add("federated", DataTypes.BooleanType, true)
            .add("sourceIp", DataTypes.StringType, true)
            .add("incident", DataTypes.StringType, true)
            .add("credential", DataTypes.StringType, true)
            .add("recipient", DataTypes.StringType, true)
            .add("accessChange", DataTypes.StringType, true)
            .add("accessKind", DataTypes.StringType, true)
            .add("accessObject", DataTypes.StringType, true)
            .add("detail", DataTypes.StringType, true)
            .add("contentHash", DataTypes.StringType, false)
            .add("day", DataTypes.DateType, false);

    /** The {@code events} table's order, (day, time, source, file, record): the day follows from the time. */
    public static final Comparator<IngestedEvent> TABLE_ORDER = Comparator.comparing(IngestedEvent::event, NormalizedEvent.ORDER);

    private static final int CONTENT_HASH = SCHEMA.fieldIndex("contentHash");

    private EventRows() {
    }

    /** The row of {@code e} (its time at the table's microseconds, as Spark stores it). */
    public static Row toRow(IngestedEvent e) {
        return toRow(e.event(), e.contentHash());
    }

    public static Row toRow(NormalizedEvent e, String contentHash) {
        return RowFactory.create(Timestamp.from(e.time()), e.sourceType(), e.sourceFile(), e.record(), e.eventId(),
                e.eventClass().wire(), e.action(), e.outcome(), e.actor(), e.person(), e.target(), e.account(),
                e.mfa(), e.federated(), e.sourceIp(), e.incident(), e.credential(), e.recipient(),
                e.accessChange(), e.accessKind(), e.accessObject(), e.detail(), contentHash,
                java.sql.Date.valueOf(LocalDate.ofInstant(e.time(), ZoneOffset.UTC)));
    }

    /** A row of {@link #SCHEMA}, by position: rows built by {@link #toRow} carry no schema of their own. */
    public static NormalizedEvent fromRow(Row r) {
        return event(r.<Timestamp>getAs(0).toInstant(), r);
    }

    private static NormalizedEvent event(Instant time, Row r) {
        return new NormalizedEvent(time, r.getString(1), r.getString(2), r.getLong(3),
                r.getString(4), EventClass.fromWire(r.getString(5)), r.getString(6), r.getString(7), r.getString(8),
                r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.<Boolean>getAs(13),
                r.getString(14), r.getString(15), r.getString(16), r.getString(17), r.getString(18),
                r.getString(19), r.getString(20), r.getString(21));
    }

    /**
     * The event of a row built by {@link #toRow} as the {@code events} table holds it: Parquet timestamps hold
     * microseconds, so a time with nanoseconds (Entra writes seven digits) is truncated, and the driver-side and
     * Spark paths of RECONSTRUCT see the same times.
     */
    public static IngestedEvent asStored(Row r) {
        Instant t = r.<Timestamp>getAs(0).toInstant();
        return new IngestedEvent(event(t.minusNanos(t.getNano() % 1000), r), r.getString(CONTENT_HASH));
    }
}
