package io.sealwatch.engine.tables;

import io.sealwatch.model.Episode;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.rules.Facts;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code tables/episodes} and {@code tables/findings}: the run's episodes and findings as Parquet,
 * with the fields of {@code episodes.json} and {@code findings.json}, in the same order.
 */
public final class ResultTables {
    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
    private static final StructType EVIDENCE = new StructType()
            .add("source", DataTypes.StringType)
            .add("file", DataTypes.StringType)
            .add("record", DataTypes.LongType, false)
            .add("eventId", DataTypes.StringType);
    private static final StructType OWED = new StructType()
            .add("what", DataTypes.StringType, false)
            .add("due", DataTypes.TimestampType);
    static final StructType EPISODES = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("account", DataTypes.StringType, false)
            .add("classification", DataTypes.StringType)
            .add("start", DataTypes.TimestampType)
            .add("end", DataTypes.TimestampType)
            .add("durationSeconds", DataTypes.LongType, false)
            .add("sources", STRINGS)
            .add("actors", STRINGS)
            .add("actions", DataTypes.LongType, false)
            .add("approvals", STRINGS)
            .add("custodians", STRINGS)
            .add("incident", DataTypes.StringType)
            .add("notifications", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true))
            .add("rotations", DataTypes.createMapType(DataTypes.StringType, DataTypes.TimestampType, true))
            .add("state", DataTypes.StringType, false)
            .add("carriedOver", DataTypes.BooleanType, false)
            .add("settlesAt", DataTypes.TimestampType)
            .add("owed", DataTypes.createArrayType(OWED, false));
    static final StructType FINDINGS = new StructType()
            .add("rule", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("account", DataTypes.StringType)
            .add("episode", DataTypes.StringType)
            .add("at", DataTypes.TimestampType)
            .add("message", DataTypes.StringType)
            .add("controls", STRINGS)
            .add("evidence", DataTypes.createArrayType(EVIDENCE, false))
            .add("accepted", DataTypes.BooleanType, false);

    private ResultTables() {
    }

    /** Writes both tables under {@code tables}: the judged episodes of {@code facts}, with where they stand. */
    public static void write(SparkSession spark, Facts facts, List<Finding> findings, Path tables)
            throws IOException {
        List<Row> e = facts.episodes().stream().sorted(Episode.ORDER)
                .map(ep -> row(ep, EpisodeStatus.of(facts, ep))).toList();
        List<Row> f = findings.stream().sorted(Finding.ORDER).map(ResultTables::row).toList();
        Tables.write(spark.createDataFrame(e, EPISODES).coalesce(1), tables.resolve("episodes"), "episodes.zstd.parquet");
        Tables.write(spark.createDataFrame(f, FINDINGS).coalesce(1), tables.resolve("findings"), "findings.zstd.parquet");
    }

    private static Row row(Episode e, EpisodeStatus status) {
        Map<String, Timestamp> rotations = new TreeMap<>();
        if (e.rotations() != null) {
            e.rotations().forEach((k, v) -> rotations.put(k, time(v)));
        }
        return RowFactory.create(e.id(), e.account(), e.classification().wire(), time(e.start()), time(e.end()),
                e.durationSeconds(), e.sources(), e.actors(), e.actions(), e.approvals(), e.custodians(), e.incident(),
                new TreeMap<>(e.notifications() == null ? Map.<String, Long>of() : e.notifications()), rotations,
                status.state(), status.carriedOver(), time(status.settlesAt()),
                status.owed().stream().map(o -> RowFactory.create(o.what(), time(o.due()))).toList());
    }

    private static Row row(Finding f) {
        List<Row> evidence = f.evidence().stream()
                .map((EvidenceRef r) -> RowFactory.create(r.source(), r.file(), r.record(), r.eventId())).toList();
        return RowFactory.create(f.rule(), f.severity().wire(), f.account(), f.episode(), time(f.at()), f.message(),
                f.controls(), evidence, f.accepted());
    }

    private static Timestamp time(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
