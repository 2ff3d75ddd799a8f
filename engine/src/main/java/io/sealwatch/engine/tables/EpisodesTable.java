package io.sealwatch.engine.tables;

import io.sealwatch.model.Episode;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.RunViews;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code tables/episodes}: the judged episodes with the fields of {@code episodes.json}, in its order. */
public final class EpisodesTable extends TableRenderer {
    private static final StructType OWED = new StructType()
            .add("what", DataTypes.StringType, false)
            .add("due", DataTypes.TimestampType);
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("account", DataTypes.StringType, false)
            .add("classification", DataTypes.StringType)
            .add("start", DataTypes.TimestampType)
            .add("end", DataTypes.TimestampType)
            .add("durationSeconds", DataTypes.LongType, false)
            .add("sources", FindingsTable.STRINGS)
            .add("actors", FindingsTable.STRINGS)
            .add("actions", DataTypes.LongType, false)
            .add("approvals", FindingsTable.STRINGS)
            .add("custodians", FindingsTable.STRINGS)
            .add("incident", DataTypes.StringType)
            .add("notifications", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true))
            .add("rotations", DataTypes.createMapType(DataTypes.StringType, DataTypes.TimestampType, true))
            .add("state", DataTypes.StringType, false)
            .add("carriedOver", DataTypes.BooleanType, false)
            .add("settlesAt", DataTypes.TimestampType)
            .add("owed", DataTypes.createArrayType(OWED, false));

    public EpisodesTable() {
        super("episodes", SCHEMA);
    }

    @Override
    List<Row> rows(RunResult result) {
        RunViews views = result.views();
        return views.episodes().stream().map(ep -> row(ep, views.status(ep))).toList();
    }

    private static Row row(Episode e, EpisodeStatus status) {
        Map<String, Timestamp> rotations = new TreeMap<>();
        if (e.rotations() != null) {
            e.rotations().forEach((k, v) -> rotations.put(k, FindingsTable.time(v)));
        }
        return RowFactory.create(e.id(), e.account(), e.classification().wire(), FindingsTable.time(e.start()),
                FindingsTable.time(e.end()), e.durationSeconds(), e.sources(), e.actors(), e.actions(), e.approvals(),
                e.custodians(), e.incident(),
                new TreeMap<>(e.notifications() == null ? Map.<String, Long>of() : e.notifications()), rotations,
                status.state(), status.carriedOver(), FindingsTable.time(status.settlesAt()),
                status.owed().stream().map(o -> RowFactory.create(o.what(), FindingsTable.time(o.due()))).toList());
    }
}
