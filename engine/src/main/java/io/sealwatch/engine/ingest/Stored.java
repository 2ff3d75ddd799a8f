package io.sealwatch.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file's stored (possibly compressed) bytes, read through one buffer that a reading thread keeps from
 * file to file, counted and hashed as they are read. With 17 000 files of 14 KB, a fresh 64 KB buffer per
 * file cost more to allocate and clear than the file to read. {@link Gunzip} inflates straight out of
 * the buffer.
 */
final class Stored extends InputStream {
    private static final int SIZE = 1 << 16;
    private final byte[] buf = new byte[SIZE];
    private final MessageDigest sha = FileReader.sha256();
    private InputStream in;
    private int pos;
    private int limit;
    private long count;
    private int last = -1;

    /** Starts on the next file (the caller closes {@code in}). */
    Stored open(InputStream file) {
        in = file;
        pos = 0;
        limit = 0;
        count = 0;
        last = -1;
        sha.reset();
        return this;
    }

    /** Does the file start with the gzip magic bytes? Reads ahead, consumes nothing. */
    boolean gzip() throws IOException {
        while (limit < 2 && fill(limit) > 0) {
            // a file may arrive a byte at a time
        }
        return limit >= 2 && buf[0] == (byte) 0x1f && buf[1] == (byte) 0x8b;
    }

    /** Reads more after {@code [0, from)}, which stays; returns the bytes added, or -1 at the end. */
    private int fill(int from) throws IOException {
        int n = in.read(buf, from, buf.length - from);
        if (n > 0) {
            sha.update(buf, from, n);
            count += n;
            limit = from + n;
            last = buf[limit - 1] & 0xFF;
        }
        return n;
    }

    /** Buffered bytes not yet consumed, after reading more when there are none; 0 at the end. */
    int buffered() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
            fill(0);
        }
        return limit - pos;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** Marks {@code n} buffered bytes consumed (handed to the inflater), or gives back {@code -n} it did not use. */
    void consume(int n) {
        pos += n;
    }

    @Override
    public int read() throws IOException {
        return buffered() == 0 ? -1 : buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = Math.min(len, buffered());
        if (n == 0) {
            return -1;
        }
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Reads the rest of the file, so that the hash, the count and the last byte are of every stored byte. */
    void drain() throws IOException {
        while (buffered() > 0) {
            pos = limit;
        }
    }

    /** Drains the file and returns the hash of its stored bytes. */
    String finish() throws IOException {
        drain();
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash so far, not finished, for a read that goes on from here when the file grows ({@link Appended}). */
    MessageDigest digestSoFar() throws CloneNotSupportedException {
        return (MessageDigest) sha.clone();
    }

    /** The last stored byte read, or -1 before any. */
    int last() {
        return last;
    }

    long count() {
        return count;
    }
}
