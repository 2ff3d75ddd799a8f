package io.sealwatch.engine.episode;

import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sessionising by episode-gap in a real local Spark session. */
class SessionizerTest {
    static final String BG = AttacherTest.BG;
    static final Instant T = Instant.parse("2026-08-14T23:30:00Z");

    private final List<Row> rows = new ArrayList<>();

    private void add(Instant t, String actor, EventClass kind, String outcome) {
        NormalizedEvent e = new NormalizedEvent(t, "aws-cloudtrail", "f.json", rows.size() + 1, "e" + rows.size(), kind,
                "Act", outcome, actor, null, null, "aws-bg", null, false, null, null, null, null, null, null, null,
                null);
        rows.add(EventRows.toRow(e, "h" + rows.size()));
    }

    private List<Span> spans() {
        SparkSession spark = Sparks.session("local[2]", null);
        Dataset<Row> events = spark.createDataFrame(rows, EventRows.SCHEMA);
        return Sessionizer.spans(Sessionizer.activity(events, AttacherTest.config()), 3600);
    }

    @Test
    void splitsByTheGapAcrossMidnightAndIgnoresFailuresAndOthersActingOnTheAccount() {
        add(T, BG, EventClass.AUTHENTICATION, "success");
        add(T.plus(Duration.ofMinutes(45)), BG, EventClass.API_ACTIVITY, "success");     // crosses midnight
        add(T.plus(Duration.ofMinutes(105)), BG, EventClass.API_ACTIVITY, "success");    // exactly 60 min later: same
        add(T.plus(Duration.ofMinutes(130)), BG, EventClass.AUTHENTICATION, "failure");  // not activity
        add(T.plus(Duration.ofMinutes(140)), "arn:aws:iam::111122223333:user/dana.ops", EventClass.ACCOUNT_CHANGE,
                "success");                                                                 // admin acting on it
        add(T.plus(Duration.ofMinutes(150)), BG, EventClass.ROTATION, "success");        // rotation: not activity
        add(T.plus(Duration.ofMinutes(166)), BG, EventClass.API_ACTIVITY, "success");    // 61 min later: new episode
        List<Span> spans = spans();
        assertEquals(2, spans.size(), spans.toString());
        assertEquals(new Span("aws-bg", T, T.plus(Duration.ofMinutes(105)), 3), spans.get(0));
        assertEquals(new Span("aws-bg", T.plus(Duration.ofMinutes(166)), T.plus(Duration.ofMinutes(166)), 1),
                spans.get(1));
    }
}
