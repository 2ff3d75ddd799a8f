package io.sealwatch.engine.tables;

import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.result.RunResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@code tables/findings}: the run's findings with the fields of {@code findings.json}, in its order. */
public final class FindingsTable extends TableRenderer {
    static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
    private static final StructType EVIDENCE = new StructType()
            .add("source", DataTypes.StringType)
            .add("file", DataTypes.StringType)
            .add("record", DataTypes.LongType, false)
            .add("eventId", DataTypes.StringType);
    static final StructType SCHEMA = new StructType()
            .add("rule", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("account", DataTypes.StringType)
            .add("episode", DataTypes.StringType)
            .add("at", DataTypes.TimestampType)
            .add("message", DataTypes.StringType)
            .add("controls", STRINGS)
            .add("evidence", DataTypes.createArrayType(EVIDENCE, false))
            .add("accepted", DataTypes.BooleanType, false);

    public FindingsTable() {
        super("findings", SCHEMA);
    }

    @Override
    List<Row> rows(RunResult result) {
        return result.evaluation().findings().stream().sorted(Finding.ORDER).map(FindingsTable::row).toList();
    }

    private static Row row(Finding f) {
        List<Row> evidence = f.evidence().stream()
                .map((EvidenceRef r) -> RowFactory.create(r.source(), r.file(), r.record(), r.eventId())).toList();
        return RowFactory.create(f.rule(), f.severity().wire(), f.account(), f.episode(), time(f.at()), f.message(),
                f.controls(), evidence, f.accepted());
    }

    static Timestamp time(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
