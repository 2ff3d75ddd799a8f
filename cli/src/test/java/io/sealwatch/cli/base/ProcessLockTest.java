package io.sealwatch.cli.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One holder at a time; the file names the holder and outlives the lock; closing frees it for the next. */
class ProcessLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWithTheFirstsPidUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve(".out.lock");
        String pid = Long.toString(ProcessHandle.current().pid());
        ProcessLock first = ProcessLock.acquire(file);
        try (first) {
            assertEquals(pid + "\n", Files.readString(file));
            ProcessLock.Held held = assertThrows(ProcessLock.Held.class, () -> ProcessLock.acquire(file));
            assertEquals(pid, held.pid());
        }
        ProcessLock again = ProcessLock.acquire(file);
        try (again) {
            assertEquals(pid + "\n", Files.readString(file), "closed, the lock (and its channel) is free again");
        }
        assertTrue(Files.exists(file), "the file is never deleted");
    }
}
