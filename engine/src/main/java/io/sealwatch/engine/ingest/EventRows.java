package io.sealwatch.engine.ingest;

import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

    private EventRows() {
    }

    public static Row toRow(NormalizedEvent e, String contentHash) {
        return RowFactory.create(Timestamp.from(e.time()), e.sourceType(), e.sourceFile(), e.record(), e.eventId(),
                e.eventClass().wire(), e.action(), e.outcome(), e.actor(), e.person(), e.target(), e.account(),
                e.mfa(), e.federated(), e.sourceIp(), e.incident(), e.credential(), e.recipient(),
                e.accessChange(), e.accessKind(), e.accessObject(), e.detail(), contentHash,
                java.sql.Date.valueOf(LocalDate.ofInstant(e.time(), ZoneOffset.UTC)));
    }

    public static NormalizedEvent fromRow(Row r) {
        return new NormalizedEvent(r.<Timestamp>getAs("time").toInstant(), r.getAs("sourceType"),
                r.getAs("sourceFile"), r.<Long>getAs("record"), r.getAs("eventId"),
                EventClass.fromWire(r.getAs("eventClass")), r.getAs("action"), r.getAs("outcome"), r.getAs("actor"),
                r.getAs("person"), r.getAs("target"), r.getAs("account"), r.getAs("mfa"), r.getAs("federated"),
                r.getAs("sourceIp"), r.getAs("incident"), r.getAs("credential"), r.getAs("recipient"),
                r.getAs("accessChange"), r.getAs("accessKind"), r.getAs("accessObject"), r.getAs("detail"));
    }
}
