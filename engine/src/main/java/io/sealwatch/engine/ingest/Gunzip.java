package io.sealwatch.engine.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip file (RFC 1952, members one after another as {@code cat a.gz b.gz} makes them) straight
 * out of {@link Stored}'s buffer, with an inflater and a CRC that the reading thread keeps from file to
 * file. {@link java.util.zip.GZIPInputStream} makes both and a 64 KB buffer for every file, and leaves the
 * inflater's native memory to the garbage collector. The errors are GZIPInputStream's, with its messages;
 * like it, bytes after a member that do not start another one are ignored.
 */
final class Gunzip extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private Stored in;
    private boolean ended;

    /** Starts on a file: reads its first member's header (a {@link ZipException} when it is none). */
    Gunzip open(Stored file) throws IOException {
        in = file;
        ended = false;
        member();
        return this;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() == null ? "Invalid ZLIB data format" : e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                in.consume(-inflater.getRemaining());
                trailer();
                if (!nextMember()) {
                    ended = true;
                    return -1;
                }
            } else if (inflater.needsDictionary()) {
                ended = true;   // no gzip member has one; InflaterInputStream ends there too
                return -1;
            } else if (inflater.needsInput()) {
                int available = in.buffered();
                if (available == 0) {
                    throw new EOFException("Unexpected end of ZLIB input stream");
                }
                inflater.setInput(in.buffer(), in.position(), available);
                in.consume(available);
            }
        }
    }

    /** A member's header: magic, method, flags and the optional fields they announce. */
    private void member() throws IOException {
        inflater.reset();
        crc.reset();
        if (u8() != 0x1f || u8() != 0x8b) {
            throw new ZipException("Not in GZIP format");
        }
        if (u8() != 8) {
            throw new ZipException("Unsupported compression method");
        }
        int flags = u8();
        skip(6);   // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(u8() | u8() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipString();
        }
        if ((flags & FCOMMENT) != 0) {
            skipString();
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) crc.getValue() & 0xFFFF;
            if ((u8() | u8() << 8) != expected) {
                throw new ZipException("Corrupt GZIP header");
            }
        }
        crc.reset();
    }

    /** The member's CRC-32 and length (mod 2^32) must match what was inflated. */
    private void trailer() throws IOException {
        long expectedCrc = crc.getValue();
        long expectedSize = inflater.getBytesWritten() & 0xFFFF_FFFFL;
        if (u32() != expectedCrc || u32() != expectedSize) {
            throw new ZipException("Corrupt GZIP trailer");
        }
    }

    /** Another member follows: true once its header is read. Anything else after the last member is ignored. */
    private boolean nextMember() throws IOException {
        if (in.buffered() == 0) {
            return false;
        }
        try {
            member();
            return true;
        } catch (IOException e) {
            return false;   // trailing bytes that are no member, as GZIPInputStream treats them
        }
    }

    private long u32() throws IOException {
        return (u8() | u8() << 8 | u8() << 16 | (long) u8() << 24) & 0xFFFF_FFFFL;
    }

    /** One header or trailer byte, added to the header CRC. */
    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        crc.update(b);
        return b;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            u8();
        }
    }

    private void skipString() throws IOException {
        int b;
        do {
            b = u8();
        } while (b != 0);
    }
}
