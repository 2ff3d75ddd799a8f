package io.sealwatch.engine.ingest;

import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.engine.spark.SessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;

import static io.sealwatch.engine.ingest.IngestSafetyTest.ARN;
import static io.sealwatch.engine.ingest.IngestSafetyTest.accounts;
import static io.sealwatch.engine.ingest.IngestSafetyTest.trail;
import static io.sealwatch.engine.ingest.IngestTestSupport.PERIOD;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's scan: it reads only what changed, without Spark and without writing tables, and what it
 * produces equals a whole {@code run} over the same files; what it remembers survives a restart through its
 * journal and snapshot, and the snapshot is one {@code run --state} reads.
 */
class LiveScanTest {
    /** Local files on a local master need no Spark session at all. */
    private static final SessionSource NO_SPARK = why -> {
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
        return live.read(NO_SPARK, true, config, PERIOD);
    }

    private IngestResult whole(SealwatchConfig config) throws IOException {
        return Ingest.run(IngestTestSupport.spark(), config, PERIOD);
    }

    private static void assertSame(IngestResult expected, IngestResult actual) {
        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.coverage(), actual.coverage());
        assertEquals(expected.duplicates(), actual.duplicates());
        assertEquals(expected.quarantined(), actual.quarantined());
        assertEquals(expected.events(), actual.events());
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
            assertEquals(2, second.reused(), "a.jsonl was not read again, b.jsonl only from where it ended");
            assertEquals(1, live.readOn());
            assertSame(whole(config), second);

            Files.delete(dir.resolve("logs/ct/a.jsonl"));
            IngestResult third = judge(live, config);
            assertEquals(2, third.reused());
            assertEquals(1, live.readOn());
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

    /**
     * Read on from where it ended, a JSON-lines file gives what a whole read gives: accounting, hash, record
     * numbers, a Vault request answered in the appended part; a file rewritten longer, or without a line end, is
     * read whole.
     */
    @Test
    void aGrownFileReadOnEqualsAWholeRead() throws IOException {
        SealwatchConfig config = config(dir, List.of(new SourceSpec("vault-audit", "logs/vault/*.log", 1)),
                List.of(IngestTestSupport.account("bg", List.of(), List.of(new IdentityMatch("vault-audit",
                        "secret/data/bg/*")), List.of("password"))));
        Path log = Files.createDirectories(dir.resolve("logs/vault")).resolve("audit.log");
        String request = vault("request", "r-1", "2026-03-01T10:00:00Z");
        Files.writeString(log, request + "\n\n" + "{broken\n");
        try (LiveScan live = new LiveScan(dir.resolve("state/scan"))) {
            assertSame(whole(config), judge(live, config));
            Files.writeString(log, vault("response", "r-1", "2026-03-01T10:00:01Z") + "\n"
                    + vault("request", "r-2", "2026-03-02T10:00:00Z") + "\n", StandardOpenOption.APPEND);
            IngestResult grown = judge(live, config);
            assertEquals(1, live.readOn(), "read on from where it ended");
            IngestResult expected = whole(config);
            assertSame(expected, grown);
            assertEquals(4, grown.inputs().get(0).read(), "the blank line is no record");
            assertTrue(grown.inputs().get(0).balanced());

            Files.writeString(log, vault("request", "r-3", "2026-03-03T10:00:00Z"), StandardOpenOption.APPEND);
            assertSame(whole(config), judge(live, config));   // no line end: the read ends inside a record
            Files.writeString(log, "\n", StandardOpenOption.APPEND);
            assertSame(whole(config), judge(live, config));
            assertEquals(2, live.readOn(), "the file did not end at a line end: it was read whole");

            String rewritten = vault("request", "x-9", "2026-03-04T10:00:00Z") + "\n";
            Files.writeString(log, rewritten.repeat(12));   // larger, but other bytes before the old end
            assertSame(whole(config), judge(live, config));
            assertEquals(2, live.readOn(), "a rewritten file is read whole");
        }
    }

    private static String vault(String type, String id, String time) {
        return "{\"time\":\"" + time + "\",\"type\":\"" + type + "\",\"auth\":{\"display_name\":\"token\"},"
                + "\"request\":{\"id\":\"" + id + "\",\"operation\":\"read\",\"path\":\"secret/data/bg/root\"}}";
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
        IngestResult run = Ingest.run(SessionSource.of(IngestTestSupport.spark()), false, config, PERIOD, state);
        assertEquals(3, run.reused(), "run --state reads the snapshot");
        try (LiveScan again = new LiveScan(state)) {
            assertEquals(3, judge(again, config).reused());
        }
    }
}
