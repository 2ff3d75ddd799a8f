package io.sealwatch.engine.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the read of a local, uncompressed JSON-lines file ended, so that when the file grows only what was
 * appended is read: the file's reader ({@link RecordSink}, with its counters, record numbers and Vault
 * requests still waiting for their response), the sha-256 of the bytes so far (not finished), and the last
 * bytes before the end. Kept in memory only ({@link LiveScan}): after a restart the first read is whole.
 *
 * <p>Read on only when the earlier read ended exactly at a line end, the file is the same one (same file key)
 * and only grew (larger, not older, the same bytes before the old end); otherwise, or when anything goes
 * wrong, the caller reads the file whole. The result is the one a whole read gives: the accounting, the
 * hash, the record numbers and the coverage go on from where they were.
 */
final class Appended {
    /** Bytes before the old end compared with what the file holds there now: a rewritten file differs. */
    private static final int EDGE = 256;

    private final String id;
    private final Path file;
    private final Object fileKey;
    private final RecordSink sink;
    private final MessageDigest sha;
    private final long bytes;
    private final long modified;
    private final byte[] edge;

    private Appended(String id, Path file, Object fileKey, RecordSink sink, MessageDigest sha, long bytes,
                     long modified, byte[] edge) {
        this.id = id;
        this.file = file;
        this.fileKey = fileKey;
        this.sink = sink;
        this.sha = sha;
        this.bytes = bytes;
        this.modified = modified;
        this.edge = edge;
    }

    /** The file's {@link ScanState#id}. */
    String id() {
        return id;
    }

    /**
     * Where a read that went through {@code stored} (to its end, not yet hashed) can go on from, or null: not
     * one record per line, not a local file, not ended at a line end, or failed.
     */
    static Appended of(FileTask task, RecordSink sink, Stored stored) {
        String local = FileReader.localPath(task.uri());   // the file the reader opened
        if (!sink.lines || sink.error != null || stored.last() != '\n' || task.modified() < 0 || local == null) {
            return null;
        }
        try {
            Path file = Path.of(local);
            return at(ScanState.id(task), file, sink, stored.digestSoFar(), stored.count(),
                    task.modified());
        } catch (IOException | CloneNotSupportedException | RuntimeException e) {
            return null;   // then it is read whole when it grows
        }
    }

    private static Appended at(String id, Path file, RecordSink sink, MessageDigest sha, long bytes, long modified)
            throws IOException {
        byte[] edge = edge(file, bytes);
        return edge == null ? null
                : new Appended(id, file, fileKey(file), sink, sha, bytes, modified, edge);
    }

    /** Does {@code task} list this file grown, and only grown, since? (The bytes before the old end are checked when read.) */
    boolean continues(FileTask task) {
        try {
            return task.size() > bytes && task.modified() >= modified && ScanState.id(task).equals(id)
                    && Objects.equals(fileKey, fileKey(file));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads what was appended: the result a whole read of the file gives now, or null when the file turns out not
     * to have only grown (then read it whole). Where this read ended goes to {@code tails} when it can go on again.
     * This object's reader goes on with the file: it is not to be used again.
     */
    FileScan readOn(FileTask task, Consumer<Appended> tails) {
        try (FileChannel channel = FileChannel.open(file)) {
            if (!Arrays.equals(edge, edge(channel, bytes))) {
                return null;
            }
            channel.position(bytes);
            MessageDigest digest = (MessageDigest) sha.clone();
            Counting stored = new Counting(Channels.newInputStream(channel), digest);
            stored.count = bytes;
            LineSplitter lines = new LineSplitter(new BufferedInputStream(stored, 1 << 16));
            lines.number = sink.linesRead;
            try {
                while (lines.next()) {
                    FileReader.line(lines, sink);
                }
            } finally {
                lines.release();
            }
            if (sink.error != null) {
                return null;
            }
            if (stored.last == '\n') {
                Appended next = at(id, file, sink, (MessageDigest) digest.clone(), stored.count, task.modified());
                if (next != null) {
                    tails.accept(next);
                }
            }
            return sink.finish(HexFormat.of().formatHex(digest.digest()), stored.count);
        } catch (IOException | CloneNotSupportedException | RuntimeException e) {
            return null;
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    /** The up to {@link #EDGE} bytes before {@code end}, or null when the file holds fewer than {@code end}. */
    private static byte[] edge(Path file, long end) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return edge(channel, end);
        }
    }

    private static byte[] edge(FileChannel channel, long end) throws IOException {
        int n = (int) Math.min(EDGE, end);
        ByteBuffer buffer = ByteBuffer.allocate(n);
        long at = end - n;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at + buffer.position());
            if (read < 0) {
                return null;
            }
        }
        return buffer.array();
    }

    /** Counts and hashes the appended bytes as they are read, and keeps the last one. */
    private static final class Counting extends FilterInputStream {
        private final MessageDigest sha;
        private long count;
        private int last = -1;

        Counting(InputStream in, MessageDigest sha) {
            super(in);
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sha.update((byte) b);
                count++;
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
                last = b[off + n - 1] & 0xff;
            }
            return n;
        }
    }
}
