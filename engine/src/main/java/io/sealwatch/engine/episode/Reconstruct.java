package io.sealwatch.engine.episode;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Stage RECONSTRUCT: rebuilds the episodes from the normalised {@code events} table. Sessionising
 * runs in Spark; only the account-related events of the period (and process evidence before it)
 * reach the driver, where they are attached by the policy windows.
 */
public final class Reconstruct {
    private Reconstruct() {
    }

    public static Reconstruction run(SparkSession spark, Path eventsTable, SealwatchConfig config, Period period,
                                     List<CoverageGap> gaps) {
        Dataset<Row> events = spark.read().schema(EventRows.SCHEMA).parquet(eventsTable.toString())
                .filter(col("account").isNotNull().and(col("time").lt(lit(Timestamp.from(period.to())))));
        List<Sessionizer.Span> spans = Sessionizer.spans(Sessionizer.activity(events, config),
                config.policy().episodeGap().getSeconds());
        List<NormalizedEvent> needed = events
                .filter(col("eventClass").isin(Sessionizer.ACTIVITY_CLASSES.toArray()).unary_$bang()
                        .or(col("time").geq(lit(Timestamp.from(period.from())))))
                .collectAsList().stream().map(EventRows::fromRow).toList();
        return new Attacher(config, period).attach(spans, needed, gaps);
    }
}
