package io.sealwatch.engine.ingest;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;

import static io.sealwatch.engine.ingest.IngestSafetyTest.ARN;
import static io.sealwatch.engine.ingest.IngestSafetyTest.accounts;
import static io.sealwatch.engine.ingest.IngestSafetyTest.trail;
import static io.sealwatch.engine.ingest.IngestTestSupport.PERIOD;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's scan: it reads only what changed, without Spark and without writing tables, and what it
 * produces equals a whole {@code run} over the same files; what it remembers survives a restart through its
 * journal and snapshot, and the snapshot is one {@code run --state} reads.
 */
class LiveScanTest {
    /** Local files on a local master need no Spark session at all. */
    private static final Supplier<SparkSession> NO_SPARK = () -> {
        throw new AssertionError("the live scan asked for Spark");
    };

    @TempDir
    Path dir;

    private SealwatchConfig trailConfig() {
        return config(dir, List.of(new SourceSpec("aws-cloudtrail", "logs/ct/*.jsonl", 1)), accounts());
    }

    private IngestResult judge(LiveScan live, SealwatchConfig config) throws IOException {
        List<String> problems = new ArrayList<>();
        live.list(config, new Configuration(), problems);
        return live.read(NO_SPARK, true, config, PERIOD, Files.createDirectories(dir.resolve("work")));
    }

    private IngestResult whole(SealwatchConfig config) throws IOException {
        return Ingest.run(IngestTestSupport.spark(), config, PERIOD, Files.createTempDirectory(dir, "run"));
    }

    private static void assertSame(IngestResult expected, IngestResult actual) {
        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.coverage(), actual.coverage());
        assertEquals(expected.duplicates(), actual.duplicates());
        assertEquals(expected.quarantined(), actual.quarantined());
        assertEquals(expected.events(), actual.events());
        assertNull(actual.eventsTable(), "no table written");
    }

    private void write(String name, String... lines) throws IOException {
        Files.createDirectories(dir.resolve("logs/ct"));
        Files.writeString(dir.resolve("logs/ct").resolve(name), String.join("\n", lines) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsOnlyWhatChangedAndEqualsAWholeRun() throws IOException {
        SealwatchConfig config = trailConfig();
        write("a.jsonl", trail("a-1", ARN, ""), trail("a-2", "arn:aws:iam::111122223333:user/other", ""));
        write("b.jsonl", trail("b-1", ARN, ""), "not json");
        try (LiveScan live = new LiveScan(dir.resolve("state/scan"))) {
            IngestResult first = judge(live, config);
            assertEquals(0, first.reused());
            assertSame(whole(config), first);

            write("b.jsonl", trail("a-1", ARN, ""));   // grows, re-delivering a's event: a duplicate
            write("c.jsonl", trail("c-1", ARN, ""));
            IngestResult second = judge(live, config);
            assertEquals(1, second.reused(), "a.jsonl was not read again");
            assertSame(whole(config), second);

            Files.delete(dir.resolve("logs/ct/a.jsonl"));
            IngestResult third = judge(live, config);
            assertEquals(2, third.reused());
            assertEquals(2, live.remembered(), "a.jsonl is forgotten");
            assertSame(whole(config), third);
        }
        // a restart replays the journal: nothing is read again
        try (LiveScan again = new LiveScan(dir.resolve("state/scan"))) {
            IngestResult restarted = judge(again, config);
            assertEquals(2, restarted.reused());
            assertSame(whole(config), restarted);
        }
    }

    @Test
    void aCompactedJournalIsASnapshotThatRunWithStateReads() throws IOException {
        SealwatchConfig config = trailConfig();
        Path state = dir.resolve("state/scan");
        try (LiveScan live = new LiveScan(state, 0, 0)) {   // compacts at every judgement
            for (int i = 0; i < 3; i++) {
                write("f" + i + ".jsonl", trail("e-" + i, ARN, ""));
                judge(live, config);
            }
        }
        try (ScanJournal journal = ScanJournal.open(state, ScanState.keyOf(config), c -> {
            throw new AssertionError("compacted: the journal holds no change");
        })) {
            assertTrue(journal.size() > 0);
        }
        IngestResult run = Ingest.run(IngestTestSupport.spark(), config, PERIOD,
                Files.createTempDirectory(dir, "run"), state);
        assertEquals(3, run.reused(), "run --state reads the snapshot");
        try (LiveScan again = new LiveScan(state)) {
            assertEquals(3, judge(again, config).reused());
        }
    }
}
