package io.sealwatch.cli;

import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Reconstruct;
import io.sealwatch.engine.episode.Timeline;
import io.sealwatch.engine.ingest.Ingest;
import io.sealwatch.engine.ingest.IngestResult;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Period;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleEngine;
import io.sealwatch.samples.generate.Generator;
import io.sealwatch.samples.generate.GeneratorOptions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consecutive periods add up: for every split point b, the findings of [a, b) and of [b, c) together
 * are exactly those of [a, c) — the same (rule, account, episode, at), none twice — except the standing
 * conditions (BG-DRILL-OVERDUE, BG-REVIEW-OVERDUE, BG-LOG-GAP), assessed afresh for each period.
 *
 * <p>Ingest and sessionising run once per organisation over [a − lookback, c); each period is then
 * judged on the driver from that one {@link Timeline}, which {@link #aTimelineJudgesAPeriodAsARunOverItDoes}
 * checks against runs over the periods themselves. Split points: every midnight (a quarter end among
 * them) and noon and, for every episode, its start and the second after, its middle, its end and the
 * second after, its approval grace, its rotation deadline and its settlement, and every decision time of
 * a finding with the seconds before and after.
 */
class PeriodAdditivityTest {
    private static final Set<String> STANDING = Set.of("BG-DRILL-OVERDUE", "BG-REVIEW-OVERDUE", "BG-LOG-GAP");
    /** 30 days across the end of 2026-Q3, at the generator's least traffic per day. */
    private static final Instant END = Instant.parse("2026-10-16T00:00:00Z");
    private static final int DAYS = 30;

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static RuleEngine rules;
    static SealwatchConfig generated;
    static Period whole;
    static Timeline timeline;
    static IngestResult ingest;

    @BeforeAll
    static void generateAndReadOnce() throws Exception {
        Generator.Summary org = Generator.generate(new GeneratorOptions(tmp.resolve("org"),
                DAYS * GeneratorOptions.MIN_EVENTS_PER_DAY, DAYS, 11, END));
        generated = ConfigLoader.load(org.config(), false);
        whole = new Period(org.from(), org.to());
        spark = Sparks.session(null, null);
        rules = RuleEngine.load(List.of());
        ingest = Ingest.run(spark, generated, whole);
        timeline = Reconstruct.read(spark, ingest.events(), generated,
                whole.from().minus(generated.policy().lookback()), whole.to());
    }

    @Test
    void findingsOfConsecutivePeriodsAddUpOnAGeneratedOrganisation() {
        List<Key> all = judged(timeline, whole);
        assertTrue(all.stream().map(Key::rule).distinct().count() >= 8,
                "the generated organisation fires most rules: " + all);
        assertTrue(all.stream().anyMatch(k -> !k.episode().equals("null")), "findings about episodes");
        assertTrue(splitPoints(generated, timeline, whole).contains(Instant.parse("2026-10-01T00:00:00Z")),
                "the quarter end is a split point");
        int splits = assertAdditive(generated, timeline, whole);
        assertTrue(splits >= 200, "split points: " + splits);
    }

    /** The scenario goldens whose uses straddle periods, and a few single-rule ones, over their whole stretch. */
    @Test
    void findingsOfConsecutivePeriodsAddUpOnTheScenarioGoldens() throws Exception {
        Path scenarios = Path.of(System.getProperty("sealwatch.root", "..")).resolve("samples/scenarios");
        String twoDays = "2026-08-14/2026-08-16";
        int splits = 0;
        for (String[] s : new String[][]{{"edge-use-across-quarter-end", "2026-07-01/2026-11-01"},
                {"edge-notified-after-period-end", "2025-10-01/2026-04-01"},
                {"edge-rotation-after-settlement", "2026-08-14/2026-10-16"}, {"compliant-multi-source", twoDays},
                {"edge-two-accounts-at-once", twoDays}, {"failed-login-fires", twoDays},
                {"notify-missing-fires", twoDays}, {"standing-access-fires", twoDays},
                {"self-approval-fires", twoDays}, {"ttl-exceeded-fires", twoDays}}) {
            SealwatchConfig config = ConfigLoader.load(scenarios.resolve(s[0]).resolve("sealwatch.yaml"), false);
            String[] range = s[1].split("/");
            Period stretch = new Period(Instant.parse(range[0] + "T00:00:00Z"), Instant.parse(range[1] + "T00:00:00Z"));
            IngestResult read = Ingest.run(spark, config, stretch);
            Timeline scenario = Reconstruct.read(spark, read.events(), config,
                    stretch.from().minus(config.policy().lookback()), stretch.to());
            splits += assertAdditive(config, scenario, stretch);
        }
        assertTrue(splits >= 100, "split points over the scenarios: " + splits);
    }

    /** Asserts additivity at every split point of {@code whole}; returns how many there were. */
    private static int assertAdditive(SealwatchConfig config, Timeline timeline, Period whole) {
        Set<Instant> splits = splitPoints(config, timeline, whole);
        List<Key> all = judged(timeline, whole);
        for (Instant b : splits) {
            List<Key> parts = new ArrayList<>(judged(timeline, new Period(whole.from(), b)));
            parts.addAll(judged(timeline, new Period(b, whole.to())));
            parts.sort(null);
            // sorted lists, as multisets: several findings may share a key (one per recipient group or
            // credential), and a finding missing or reported twice fails
            assertEquals(all, parts, config.file() + ": findings of [a, " + b + ") + [" + b + ", c) against [a, c)");
        }
        return splits.size();
    }

    /** The shortcut above is sound: judging a period from the wider timeline is what a run over it finds. */
    @Test
    void aTimelineJudgesAPeriodAsARunOverItDoes() {
        for (Period p : List.of(new Period(whole.from(), Instant.parse("2026-10-01T00:00:00Z")),
                new Period(Instant.parse("2026-10-01T00:00:00Z"), whole.to()),
                new Period(Instant.parse("2026-09-24T13:37:00Z"), Instant.parse("2026-10-09T06:00:00Z")))) {
            Facts run = Reconstruct.run(spark, ingest.events(), generated, p, List.of()).facts();
            Facts shortcut = timeline.judge(p, List.of()).facts();
            assertEquals(run, shortcut, "facts of " + p);
        }
    }

    /** Every finding outside the standing conditions, by the key additivity is about. */
    private static List<Key> judged(Timeline timeline, Period period) {
        List<Key> out = new ArrayList<>();
        for (Finding f : rules.evaluate(timeline.judge(period, List.of()).facts()).findings()) {
            if (!STANDING.contains(f.rule())) {
                assertTrue(period.contains(f.at()), f + " is outside " + period);
                out.add(new Key(f.rule(), String.valueOf(f.account()), String.valueOf(f.episode()), f.at()));
            }
        }
        out.sort(null);
        return out;
    }

    private static Set<Instant> splitPoints(SealwatchConfig config, Timeline timeline, Period whole) {
        Set<Instant> points = new TreeSet<>();
        for (Instant day = whole.from().truncatedTo(ChronoUnit.DAYS); day.isBefore(whole.to());
             day = day.plus(Duration.ofDays(1))) {
            points.add(day);
            points.add(day.plus(Duration.ofHours(12)));
        }
        Facts facts = timeline.judge(whole, List.of()).facts();
        for (Episode e : facts.episodes()) {
            Instant deadline = e.end().plus(config.policy().rotateWithin());
            for (Instant t : List.of(e.start(), e.start().plusSeconds(1),
                    e.start().plusSeconds(e.durationSeconds() / 2), e.end(), e.end().plusSeconds(1),
                    e.start().plus(config.policy().approvalGrace()), deadline, config.policy().settlesAt(e.end()))) {
                points.add(t);
            }
        }
        for (Finding f : rules.evaluate(facts).findings()) {
            points.add(f.at().minusSeconds(1));
            points.add(f.at());
            points.add(f.at().plusSeconds(1));
        }
        points.removeIf(t -> !t.isAfter(whole.from()) || !t.isBefore(whole.to()));
        return points;
    }

    private record Key(String rule, String account, String episode, Instant at) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }
}
