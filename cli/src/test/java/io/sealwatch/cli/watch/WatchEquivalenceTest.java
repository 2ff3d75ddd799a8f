package io.sealwatch.cli.watch;

import io.sealwatch.alerts.AlertKind;
import io.sealwatch.cli.job.Job;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.RuleEngine;
import io.sealwatch.samples.ExampleCorp;
import io.sealwatch.web.AlertRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At every moment the service judges, its findings and episodes are byte for byte those of
 * {@code run --to <that moment>} over the same files: the Example Corp's CloudTrail delivery files are
 * dropped into its folder one night after another while the clock moves, and the service is compared
 * with a fresh {@link Job#analyse} (no state) after each drop and just before and just after a deadline
 * that passes with no new file — which the service must notice by itself.
 */
class WatchEquivalenceTest {
    /** The 2026-08-14 use of aws-root-breakglass (no approval) is in the file delivered that night. */
    private static final Instant FIRST = Instant.parse("2026-08-14T23:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theServiceJudgesAsRunDoesAtEveryMoment() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Path trail = tmp.resolve("org/logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1");
        TreeMap<String, Path> pending = holdBack(trail, "2026/08/14", tmp.resolve("pending"));
        TestClock clock = new TestClock(FIRST);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        SealwatchConfig loaded = ConfigLoader.load(config, false);
        RuleEngine rules = RuleEngine.load(List.of());
        List<Instant> compared = new ArrayList<>();
        try (Service service = Watch.open(new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                Map.<String, String>of()::get)) {
            assertTrue(service.tick(), "the first poll judges");
            compare(service, loaded, rules, clock.instant(), compared);
            String started = "aws-root-breakglass/2026-08-14";
            assertFalse(alerts(service).stream().anyMatch(a -> started(a, started)), "nothing of the use before its file");

            // the night's file lands: the next poll judges and raises the use
            drop(pending, clock, Instant.parse("2026-08-15T00:05:00Z"));
            assertTrue(service.tick(), "a new file is judged at the next poll");
            compare(service, loaded, rules, clock.instant(), compared);
            assertTrue(alerts(service).stream().anyMatch(a -> started(a, started) && a.kind().equals("episode-started")
                    && a.severity().equals("critical") && a.url().endsWith("/#" + a.episode())), log.toString());

            // a deadline passes with no new file: judged by the clock alone
            Instant deadline = Deadlines.next(service.latest(), clock.instant());
            assertNotNull(deadline);
            clock.set(deadline.minusSeconds(1));
            service.judge();
            compare(service, loaded, rules, clock.instant(), compared);
            List<AlertRow> before = alerts(service);
            clock.set(deadline.plusSeconds(1));
            assertTrue(service.tick(), "the deadline passing is judged without a new file");
            compare(service, loaded, rules, clock.instant(), compared);
            List<AlertRow> after = alerts(service);
            assertTrue(after.size() > before.size() && after.stream().filter(a -> !before.contains(a))
                    .allMatch(a -> !a.at().isAfter(deadline)), "the passed deadline raised its alerts: " + after);

            // two more nights at once, then a second deadline
            drop(pending, clock, Instant.parse("2026-08-16T00:05:00Z"));
            drop(pending, clock, Instant.parse("2026-08-17T00:05:00Z"));
            assertTrue(service.tick());
            compare(service, loaded, rules, clock.instant(), compared);
            clock.set(Deadlines.next(service.latest(), clock.instant()).plusSeconds(1));
            assertTrue(service.tick());
            compare(service, loaded, rules, clock.instant(), compared);
        }
        assertTrue(compared.size() >= 6, "moments compared: " + compared);

        // a restart derives the same alerts again: none is taken twice; July's uses are history, not news
        try (Service again = Watch.open(new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                Map.<String, String>of()::get)) {
            List<AlertRow> sent = alerts(again);
            assertFalse(sent.isEmpty());
            assertTrue(again.tick());
            assertEquals(sent, alerts(again), "nothing new after a restart at the same moment");
            assertTrue(again.recorded().stream().anyMatch(a -> a.kind() == AlertKind.EPISODE_STARTED
                    && a.episode().startsWith("aws-root-breakglass/2026-07-14")), "a July use is recorded");
            assertFalse(sent.stream().anyMatch(a -> started(a, "aws-root-breakglass/2026-07-14")), "and not sent");
        }
    }

    /**
     * Vault's audit log is one JSON-lines file that grows all day: the service judges it as run does after each
     * append, after it shrinks (rotated in place) and after it is rewritten, and after a restart that replays
     * what it remembered.
     */
    @Test
    void aGrowingAndShrinkingLogIsJudgedAsRunDoes() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Path audit = tmp.resolve("org/logs/vault/audit.log");
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        write(audit, lines.subList(0, 100), false);
        TestClock clock = new TestClock(Instant.parse("2026-09-30T23:00:00Z"));
        PrintStream err = new PrintStream(OutputStream.nullOutputStream());
        SealwatchConfig loaded = ConfigLoader.load(config, false);
        RuleEngine rules = RuleEngine.load(List.of());
        List<Instant> compared = new ArrayList<>();
        Watch.Options options = new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false);
        try (Service service = Watch.open(options, err, clock, Map.<String, String>of()::get)) {
            assertTrue(service.tick());
            compare(service, loaded, rules, clock.instant(), compared);
            for (List<String> more : List.of(lines.subList(100, 101), lines.subList(101, 180),
                    lines.subList(180, lines.size()))) {
                write(audit, more, true);
                clock.set(clock.instant().plusSeconds(600));
                assertTrue(service.tick(), "the grown file is judged");
                compare(service, loaded, rules, clock.instant(), compared);
            }
            write(audit, lines.subList(0, 50), false);   // shrunk
            clock.set(clock.instant().plusSeconds(600));
            assertTrue(service.tick());
            compare(service, loaded, rules, clock.instant(), compared);
            write(audit, lines.subList(50, 100), false);   // rewritten: other records, about as long
            clock.set(clock.instant().plusSeconds(600));
            assertTrue(service.tick());
            compare(service, loaded, rules, clock.instant(), compared);
        }
        write(audit, lines.subList(100, 120), true);   // grown while the service was down
        clock.set(clock.instant().plusSeconds(600));
        try (Service again = Watch.open(options, err, clock, Map.<String, String>of()::get)) {
            assertTrue(again.tick());
            compare(again, loaded, rules, clock.instant(), compared);
        }
        assertEquals(7, compared.size());
    }

    private static void write(Path file, List<String> lines, boolean append) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, append
                ? new StandardOpenOption[] {StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.TRUNCATE_EXISTING});
    }

    /** The service's latest judgement against a fresh run over the same files, as {@code run --to t}. */
    private void compare(Service service, SealwatchConfig config, RuleEngine rules, Instant t, List<Instant> compared)
            throws IOException {
        RunOptions run = new RunOptions(config.file(), PeriodSpec.resolve(null, t.toString(), null,
                Clock.fixed(t, ZoneOffset.UTC)), null, null, Severity.CRITICAL, false, List.of(), null, null);
        RunResult expected = new Job(new PrintStream(OutputStream.nullOutputStream())).analyse(config, run, rules);
        RunResult actual = service.latest();
        assertTrue(actual.info().period().equals(expected.info().period()), "judged as of " + t);
        assertArrayEquals(FindingsJsonRenderer.bytes(expected), FindingsJsonRenderer.bytes(actual), "findings at " + t);
        assertArrayEquals(EpisodesJsonRenderer.bytes(expected), EpisodesJsonRenderer.bytes(actual), "episodes at " + t);
        compared.add(t);
    }

    /** Moves the delivery folders of {@code from} and later aside; returns them by day. */
    private static TreeMap<String, Path> holdBack(Path trail, String from, Path aside) throws IOException {
        TreeMap<String, Path> held = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(trail)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String day = trail.relativize(f.getParent()).toString();
            if (day.compareTo(from) >= 0) {
                Path to = aside.resolve(trail.relativize(f));
                Files.createDirectories(to.getParent());
                Files.move(f, to);
                held.put(day, to);
            }
        }
        return held;
    }

    /** The held-back file of the day before {@code at} lands in its folder, and the clock moves to {@code at}. */
    private void drop(TreeMap<String, Path> pending, TestClock clock, Instant at) throws IOException {
        Map.Entry<String, Path> next = pending.pollFirstEntry();
        Path trail = tmp.resolve("org/logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1");
        Path to = trail.resolve(tmp.resolve("pending").relativize(next.getValue()));
        Files.createDirectories(to.getParent());
        Files.move(next.getValue(), to);
        clock.set(at);
    }

    private static List<AlertRow> alerts(Service service) {
        return service.snapshot().alerts();
    }

    private static boolean started(AlertRow a, String episode) {
        return a.episode() != null && a.episode().startsWith(episode);
    }
}
