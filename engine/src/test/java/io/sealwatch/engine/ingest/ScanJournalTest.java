package io.sealwatch.engine.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan journal: what was appended is replayed in order; a torn or damaged tail, and only it, is dropped. */
class ScanJournalTest {
    @TempDir
    Path dir;

    static ScanJournal.Change change(String id, long size) {
        FileScan scan = new FileScan("aws-cloudtrail", id, "ab".repeat(32), size, 2, 0, 2, 0, null, List.of(),
                List.of(), 2, new long[] {size, size + 1}, 0);
        return new ScanJournal.Change(id, new ScanState.Entry(id, size, 1000 + size, scan.sha256()), scan);
    }

    private List<ScanJournal.Change> replay(String key) throws IOException {
        List<ScanJournal.Change> seen = new ArrayList<>();
        try (ScanJournal j = ScanJournal.open(dir, key, seen::add)) {
            assertTrue(j.size() > 0, "the key is recorded");
        }
        return seen;
    }

    @Test
    void replaysWhatWasAppendedInOrderIncludingRemovals() throws IOException {
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("a", 1), change("b", 2)));
            j.append(List.of(new ScanJournal.Change("a", null, null), change("c", 3)));
        }
        List<ScanJournal.Change> seen = replay("k");
        assertEquals(List.of("a", "b", "a", "c"), seen.stream().map(ScanJournal.Change::id).toList());
        assertEquals(2, seen.get(1).entry().size());
        assertNull(seen.get(2).scan(), "a removal");
        assertEquals(3, seen.get(3).scan().bytes());
    }

    @Test
    void aTornLastRecordIsDroppedAndTheJournalGoesOnAfterTheIntactOnes() throws IOException {
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("a", 1)));
            j.append(List.of(change("b", 2)));
        }
        Path file = dir.resolve(ScanJournal.FILE);
        long whole = Files.size(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(whole - 5);   // kill -9 in the middle of the last write
        }
        assertEquals(List.of("a"), replay("k").stream().map(ScanJournal.Change::id).toList());
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("c", 3)));
        }
        assertEquals(List.of("a", "c"), replay("k").stream().map(ScanJournal.Change::id).toList());
    }

    @Test
    void aDamagedRecordEndsTheJournalThere() throws IOException {
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("a", 1)));
        }
        long first = Files.size(dir.resolve(ScanJournal.FILE));
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("b", 2), change("c", 3)));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(ScanJournal.FILE));
        bytes[(int) first + 20] ^= 0x5a;   // inside b's payload: its checksum fails
        Files.write(dir.resolve(ScanJournal.FILE), bytes);
        assertEquals(List.of("a"), replay("k").stream().map(ScanJournal.Change::id).toList());
        assertEquals(first, Files.size(dir.resolve(ScanJournal.FILE)), "cut after the last intact record");
    }

    @Test
    void aJournalOfAnotherScanStartsEmpty() throws IOException {
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("a", 1)));
        }
        assertEquals(List.of(), replay("other accounts"));
        assertEquals(List.of(), replay("k"), "emptied for the new key");
    }

    @Test
    void aResetKeepsOnlyTheKey() throws IOException {
        try (ScanJournal j = ScanJournal.open(dir, "k", c -> { })) {
            j.append(List.of(change("a", 1)));
            j.reset("k");
            j.append(List.of(change("b", 2)));
        }
        assertEquals(List.of("b"), replay("k").stream().map(ScanJournal.Change::id).toList());
    }
}
