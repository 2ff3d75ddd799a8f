package io.sealwatch.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines (LF or CRLF) of raw bytes, counting them. The current line is
 * {@code buf[start, end)}, valid until the next call; a line longer than the buffer grows it.
 */
final class LineSplitter {
    private static final long NEWLINES = Swar.lanes('\n');
    private static final int KEPT_BUFFER = 16 << 20;
    private static final ThreadLocal<byte[]> SPARE = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    private final InputStream in;
    byte[] buf = SPARE.get();
    int start;
    int end;
    long number;
    /** The current line was longer than {@link FileReader#MAX_RECORD}: {@code [start, end)} is only its head. */
    boolean oversized;
    private Elements document;
    private int pos;
    private int limit;
    private boolean eof;

    LineSplitter(InputStream in) {
        this.in = in;
    }

    boolean next() throws IOException {
        oversized = false;
        int scan = pos;
        while (true) {
            int i = newline(scan, limit);
            if (i < limit) {
                line(pos, i);
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                line(pos, limit);
                pos = limit;
                return true;
            }
            scan = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= FileReader.MAX_RECORD) {
                    skipLong();
                    return true;
                }
                buf = Arrays.copyOf(buf, Math.min(FileReader.MAX_RECORD, buf.length * 2));
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    /** The index of the first line feed in {@code buf[from, to)}, else {@code to}; eight bytes at a time. */
    private int newline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (i + Swar.WIDTH <= to) {
                long newlines = Swar.equal(Swar.word(buf, i), NEWLINES);
                if (newlines == 0) {
                    i += Swar.WIDTH - 1;
                    continue;
                }
                i += Swar.first(newlines);
            }
            if (buf[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** The line fills the capped buffer: keeps its head for the excerpt and reads on to its end. */
    private void skipLong() throws IOException {
        int kept = FileReader.EXCERPT_BYTES;
        number++;
        start = 0;
        end = kept;
        oversized = true;
        while (true) {
            int n = in.read(buf, kept, buf.length - kept);
            if (n < 0) {
                eof = true;
                pos = kept;
                limit = kept;
                return;
            }
            for (int i = kept; i < kept + n; i++) {
                if (buf[i] == '\n') {
                    int after = kept + n - i - 1;
                    System.arraycopy(buf, i + 1, buf, kept, after);
                    pos = kept;
                    limit = kept + after;
                    return;
                }
            }
        }
    }

    private void line(int from, int to) {
        number++;
        start = from;
        end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    /**
     * Empty or only ASCII space, tab and CR: not a record. Nothing else is blank — a line of a NUL,
     * a form feed or a byte-order mark is a record (and quarantined), so no line vanishes uncounted.
     */
    boolean blank() {
        return nonBlank(start, end) == end;
    }

    /** The first byte that is not blank; only for a line that is not {@link #blank}. */
    byte firstNonBlank() {
        return buf[nonBlank(start, end)];
    }

    void skipBom() {
        start = afterBom(start, end);
    }

    /** {@code from}, or past the UTF-8 byte order mark there (within {@code to}). */
    private int afterBom(int from, int to) {
        return to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB
                && buf[from + 2] == (byte) 0xBF ? from + 3 : from;
    }

    /** The first index in {@code [from, to)} that is not white space, else {@code to}. */
    private int nonBlank(int from, int to) {
        int i = from;
        while (i < to && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
            i++;
        }
        return i;
    }

    /**
     * Does the input open with an array (when {@code arrays}: evidence not opening with an object is CSV) or with a wrapper object ({@code {"Records": [} …) on its first
     * line? Decided on the first buffer, so a delivery file that is one long line is not searched for
     * its end. If so, {@link #document} reads it. Otherwise nothing is consumed and lines are read as usual.
     */
    boolean opensDocument(boolean arrays) throws IOException {
        while (limit < Math.min(buf.length, 1 << 12) && !eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        int i = nonBlank(afterBom(pos, limit), limit);
        if (i < limit && buf[i] == '[' && arrays) {
            start = i;
            return true;
        }
        if (i >= limit || buf[i] != '{') {
            return false;
        }
        int lineEnd = newline(i, Math.min(limit, i + (1 << 16)));
        if (!FileReader.isDocument(buf, i, lineEnd - i, true)) {
            return false;
        }
        start = i;
        return true;
    }

    /** The document that starts with the current line, split as it streams. */
    Elements document(Skim skim) {
        document = new Elements(in, buf, start, limit, skim, FileReader.WRAPPER_KEYS, FileReader.MAX_RECORD, FileReader.EXCERPT_BYTES);
        return document;
    }

    /**
     * The current line and everything after it, in the buffer, up to {@link #MAX_CSV} bytes; a read
     * failure keeps what came before it.
     */
    Span rest(RecordSink sink) {
        try {
            while (true) {
                if (limit == buf.length) {
                    if (buf.length >= FileReader.MAX_CSV) {
                        throw new IOException("larger than " + (FileReader.MAX_CSV >> 20) + " MiB, only that much was read");
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    break;
                }
                limit += n;
            }
        } catch (IOException e) {
            sink.readFailure = e;
            sink.truncated = true;
        }
        return new Span(buf, start, limit - start);
    }

    /** Keeps the buffer for the thread's next file: most files are read whole, a fresh buffer would regrow each time. */
    void release() {
        byte[] last = document == null ? buf : document.bytes();
        if (last.length <= KEPT_BUFFER) {
            SPARE.set(last);
        }
    }
}
