package io.sealwatch.engine.episode;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.engine.ingest.IngestResult;
import io.sealwatch.engine.spark.SessionSource;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Stage RECONSTRUCT: rebuilds the episodes from the normalised events ingest kept. Sessionising runs over the
 * period and the {@code lookback} before it, on the driver or, for many events, in Spark; only the account-related
 * events are attached, on the driver, by the policy windows.
 */
public final class Reconstruct {
    /**
     * Above this many normalised events sessionising runs in Spark. Below it the driver is faster: the
     * events are on the driver after ingest anyway, and the Spark queries cost seconds of planning, code
     * generation and tasks whatever their size (a quarter's break-glass activity is hundreds of rows).
     */
    static final int DRIVER_MAX_EVENTS = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(Reconstruct.class);
    private Reconstruct() {
    }

    /**
     * The facts of {@code period} from what {@code ingest} produced: sessionised on the driver when there are at
     * most {@link #DRIVER_MAX_EVENTS} events, else in Spark (the only case in which this asks for the session).
     */
    public static Reconstruction run(SessionSource spark, IngestResult ingest, SealwatchConfig config, Period period,
                                     List<CoverageGap> gaps) {
        Instant horizon = period.from().minus(config.policy().lookback());
        List<IngestedEvent> events = ingest.events();
        if (events.size() > DRIVER_MAX_EVENTS) {
            LOG.info("step reconstruct: sessionising in Spark ({} events, more than {})", events.size(),
                    DRIVER_MAX_EVENTS);
            return read(spark.session("sessionising " + events.size() + " events, more than " + DRIVER_MAX_EVENTS),
                    events, config, horizon, period.to()).judge(period, gaps);
        }
        LOG.info("step reconstruct: sessionising on the driver ({} events, at most {})", events.size(),
                DRIVER_MAX_EVENTS);
        return read(events.stream().map(IngestedEvent::event).toList(), config, horizon, period.to())
                .judge(period, gaps);
    }

    /**
     * What {@link #read(SparkSession, List, SealwatchConfig, Instant, Instant)} gives, on the driver: the same
     * filters, the same spans, the needed events in the table's order.
     */
    static Timeline read(List<NormalizedEvent> events, SealwatchConfig config, Instant since, Instant until) {
        List<NormalizedEvent> before = events.stream()
                .filter(e -> e.account() != null && e.time().isBefore(until))
                .sorted(NormalizedEvent.ORDER).toList();
        List<NormalizedEvent> fromHorizon = before.stream().filter(e -> !e.time().isBefore(since)).toList();
        List<Sessionizer.Span> spans = Sessionizer.spans(fromHorizon, config, config.policy().episodeGap().getSeconds());
        List<NormalizedEvent> needed = before.stream()
                .filter(e -> !Sessionizer.ACTIVITY_CLASSES.contains(e.eventClass().wire()) || !e.time().isBefore(since))
                .toList();
        return new Timeline(config, spans, needed);
    }

    /** The facts of {@code period}: its episodes, those carried over into it, and what is attached to them. */
    public static Reconstruction run(SparkSession spark, List<IngestedEvent> events, SealwatchConfig config,
                                     Period period, List<CoverageGap> gaps) {
        Instant horizon = period.from().minus(config.policy().lookback());
        return read(spark, events, config, horizon, period.to()).judge(period, gaps);
    }

    /**
     * Sessionises the activity in {@code [since, until)} in Spark, over a DataFrame made from {@code events} on the
     * driver in the events table's order, and collects the events to attach: that activity and every other account-related event before
     * {@code until} (drills and reviews count from any time).
     */
    public static Timeline read(SparkSession spark, List<IngestedEvent> events, SealwatchConfig config, Instant since,
                                Instant until) {
        List<Row> rows = events.stream().sorted(EventRows.TABLE_ORDER).map(EventRows::toRow).toList();
        Dataset<Row> table = spark.createDataFrame(rows, EventRows.SCHEMA)
                .filter(col("account").isNotNull().and(col("time").lt(lit(Timestamp.from(until)))));
        Column isActivityClass = col("eventClass").isin(Sessionizer.ACTIVITY_CLASSES.toArray());
        Column sinceHorizon = col("time").geq(lit(Timestamp.from(since)));
        List<Sessionizer.Span> spans = Sessionizer.spans(Sessionizer.activity(table.filter(sinceHorizon), config),
                config.policy().episodeGap().getSeconds());
        List<NormalizedEvent> needed = table.filter(isActivityClass.unary_$bang().or(sinceHorizon))
                .collectAsList().stream().map(EventRows::fromRow).toList();
        return new Timeline(config, spans, needed);
    }
}
