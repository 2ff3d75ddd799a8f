package io.sealwatch.cli.base;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file ({@link FileChannel#tryLock}) that keeps two processes apart: the
 * kernel releases it when the process dies, so {@code kill -9} never leaves a stale lock. The file holds
 * the owner's process id for the refusal message. It is never deleted: deleting a lock file races with a
 * process that has just opened it, and on POSIX closing any other descriptor of the file (even a read to
 * check it) drops the process's lock.
 */
public final class ProcessLock implements AutoCloseable {
    /** Holds its channel ({@link FileLock#channel()}), closed with it. */
    private final FileLock lock;

    private ProcessLock(FileLock lock) {
        this.lock = lock;
    }

    /** The lock is held by another process (or another holder in this one). */
    public static final class Held extends Exception {
        private final String pid;

        Held(String pid) {
            super("held by process " + pid);
            this.pid = pid;
        }

        /** The holder's process id as it wrote it, or "unknown". */
        public String pid() {
            return pid;
        }
    }

    /** Creates {@code file} if needed and takes the lock, writing this process's id into it. */
    public static ProcessLock acquire(Path file) throws IOException, Held {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                l = null;
            }
            if (l == null) {
                String pid = holder(ch);
                ch.close();
                throw new Held(pid);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new ProcessLock(l);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lock.channel().close();
        } catch (IOException e) {
            // the OS releases the lock with the process
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        return pid.matches("\\d{1,10}") ? pid : "unknown";
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
