package io.sealwatch.engine.episode;

import io.sealwatch.model.IngestedEvent;
import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessionising on the driver (small runs) and in Spark (large ones) give the same timeline from the same
 * events: the same spans, the same events to attach in the same order, the same judged episodes.
 */
class DriverSessionizingTest {
    static final String BG = AttacherTest.BG;
    static final String OKTA = "breakglass@example.com";
    static final Instant T = Instant.parse("2026-08-14T23:30:00Z");
    static final Period PERIOD = new Period(Instant.parse("2026-08-01T00:00:00Z"),
            Instant.parse("2026-09-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final List<Row> rows = new ArrayList<>();

    private void add(Instant t, String account, String source, String file, String actor, EventClass kind,
                     String outcome) {
        NormalizedEvent e = new NormalizedEvent(t, source, file, rows.size() + 1, "e" + rows.size(), kind, "Act",
                outcome, actor, null, null, account, kind == EventClass.AUTHENTICATION ? "u2f" : null, false, null,
                "INC-1", kind == EventClass.ROTATION ? "password" : null, null, null, null, null, null);
        rows.add(EventRows.toRow(e, "h" + rows.size()));
    }

    private void aws(Instant t, String file, EventClass kind) {
        add(t, "aws-bg", "aws-cloudtrail", file, BG, kind, "success");
    }

    @Test
    void edgeCasesGiveTheSameTimelineOnTheDriverAsInSpark() throws Exception {
        aws(T, "a.json", EventClass.AUTHENTICATION);
        aws(T.plus(Duration.ofHours(1)), "a.json", EventClass.API_ACTIVITY);         // a gap of exactly episode-gap
        aws(T.plus(Duration.ofHours(1)), "b.json", EventClass.API_ACTIVITY);         // the same time, another file
        aws(T.plus(Duration.ofHours(1)), "a.json", EventClass.ACCOUNT_CHANGE);       // the same time and file
        aws(T.plus(Duration.ofSeconds(2 * 3600 + 1)), "a.json", EventClass.API_ACTIVITY);  // one second more: new
        // whole seconds count, as in Spark: 3600.9 s apart is still "exactly" the gap
        aws(T.plus(Duration.ofSeconds(4 * 3600, 100)), "a.json", EventClass.API_ACTIVITY);
        aws(T.plus(Duration.ofSeconds(5 * 3600, 999_999_999)), "a.json", EventClass.API_ACTIVITY);
        // identical times, files whose order differs in UTF-16 and in code points (U+1F600 vs U+FFFD)
        Instant same = T.plus(Duration.ofHours(9));
        aws(same, "f-\uD83D\uDE00.json", EventClass.API_ACTIVITY);
        aws(same, "f-\uFFFD.json", EventClass.API_ACTIVITY);
        aws(same, "f-\u00E9.json", EventClass.AUTHENTICATION);
        add(T.plus(Duration.ofMinutes(30)), "aws-bg", "aws-cloudtrail", "a.json", BG, EventClass.AUTHENTICATION,
                "failure");                                                                  // failed: not activity
        add(T.plus(Duration.ofMinutes(40)), "aws-bg", "aws-cloudtrail", "a.json", "arn:aws:iam::111122223333:user/ops",
                EventClass.ACCOUNT_CHANGE, "success");                                      // an admin acting on it
        aws(T.plus(Duration.ofHours(3)), "a.json", EventClass.ROTATION);
        // a second account interleaved, with identical times to the first
        add(T, "okta-bg", "okta-system-log", "o.json", OKTA, EventClass.AUTHENTICATION, "success");
        add(T.plus(Duration.ofHours(1)), "okta-bg", "okta-system-log", "o.json", OKTA, EventClass.API_ACTIVITY, null);
        add(T.plus(Duration.ofHours(3)), "okta-bg", "okta-system-log", "o.json", OKTA, EventClass.API_ACTIVITY,
                "unknown");
        // before the horizon: activity is not sessionised, other account events still attach
        aws(PERIOD.from().minus(Duration.ofDays(400)), "old.json", EventClass.API_ACTIVITY);
        aws(PERIOD.from().minus(Duration.ofDays(400)), "old.json", EventClass.ROTATION);
        // at and after the period end, and no account: never read
        aws(PERIOD.to(), "late.json", EventClass.API_ACTIVITY);
        add(T, null, "aws-cloudtrail", "a.json", "arn:aws:iam::111122223333:user/someone", EventClass.API_ACTIVITY,
                "success");

        Timeline driver = assertSameTimeline();
        assertEquals(6, driver.spans().size(), driver.spans().toString());
    }

    @Test
    void generatedActivityAroundTheGapGivesTheSameTimeline() throws Exception {
        Random random = new Random(42);
        EventClass[] kinds = EventClass.values();
        for (String account : List.of("aws-bg", "okta-bg")) {
            Instant t = PERIOD.from().minus(Duration.ofDays(2));
            for (int i = 0; i < 400; i++) {
                long step = random.nextInt(4) == 0 ? 3600 + random.nextInt(3) - 1 : random.nextInt(3601);
                t = t.plusSeconds(step).plusNanos(random.nextInt(3) * 400_000_000L);
                boolean aws = "aws-bg".equals(account);
                add(t, account, aws ? "aws-cloudtrail" : "okta-system-log", "f" + random.nextInt(3) + ".json",
                        aws ? BG : OKTA, kinds[random.nextInt(kinds.length)],
                        random.nextInt(10) == 0 ? "failure" : "success");
            }
        }
        Timeline driver = assertSameTimeline();
        assertTrue(driver.spans().size() > 20, "the data has many episodes: " + driver.spans().size());
    }

    /** Both paths over {@link #rows}; returns the driver's timeline after comparing everything. */
    private Timeline assertSameTimeline() throws Exception {
        SparkSession spark = Sparks.session("local[2]", null);
        List<IngestedEvent> events = rows.stream().map(EventRows::asStored).toList();
        var config = AttacherTest.config();
        Instant horizon = PERIOD.from().minus(config.policy().lookback());
        Timeline inSpark = Reconstruct.read(spark, events, config, horizon, PERIOD.to());
        Timeline onDriver = Reconstruct.read(events.stream().map(IngestedEvent::event).toList(), config, horizon,
                PERIOD.to());
        assertEquals(inSpark.spans(), onDriver.spans());
        assertEquals(inSpark.events(), onDriver.events());
        assertEquals(inSpark.judge(PERIOD, List.of()), onDriver.judge(PERIOD, List.of()));
        return onDriver;
    }
}
