package io.sealwatch.engine.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reused inflater reads what {@link GZIPInputStream} reads, and fails where and as it fails: the same
 * bytes, or the same exception and message, for whole, concatenated, header-flagged, cut and damaged files,
 * one after another through the same {@link Stored} and {@link Gunzip}.
 */
class GunzipTest {
    private final Stored stored = new Stored();
    private final Gunzip gunzip = new Gunzip();

    @Test
    void readsAndFailsAsGzipInputStreamDoes() throws IOException {
        byte[] text = lines(5000);
        byte[] one = gzip(text);
        byte[] two = concat(one, gzip("second member\n".getBytes(StandardCharsets.UTF_8)));
        byte[] flagged = flagged(text);
        byte[][] cases = {
            one, two, flagged, concat(one, "trailing garbage".getBytes(StandardCharsets.UTF_8)),
            concat(one, new byte[] {0x1f}), Arrays.copyOf(one, one.length / 2), Arrays.copyOf(one, one.length - 3),
            corrupt(one, one.length - 6), corrupt(one, 40), corrupt(flagged, 12), corrupt(one, 2), gzip(new byte[0]),
            Arrays.copyOf(one, 5),
        };
        for (int i = 0; i < cases.length; i++) {
            assertEquals(jdk(cases[i]), ours(cases[i]), "case " + i);
        }
    }

    /** What GZIPInputStream gives: the bytes, or the exception where it stopped. */
    private static String jdk(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            drain(in, out);
        } catch (IOException e) {
            return out.size() + " then " + e;
        }
        return out.size() + " " + Arrays.hashCode(out.toByteArray());
    }

    private String ours(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            stored.open(new ByteArrayInputStream(gz));
            drain(gunzip.open(stored), out);
            stored.finish();
        } catch (IOException e) {
            return out.size() + " then " + e;
        }
        return out.size() + " " + Arrays.hashCode(out.toByteArray());
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
            out.write(buf, 0, n);
        }
    }

    private static byte[] lines(int n) {
        StringBuilder s = new StringBuilder();
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            s.append("{\"eventTime\":\"2026-09-01T00:00:").append(i % 60).append("Z\",\"n\":").append(r.nextLong()).append("}\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A member with the optional header fields: extra, file name, comment and header CRC. */
    private static byte[] flagged(byte[] data) throws IOException {
        byte[] plain = gzip(data);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        h.write(new byte[] {3, 0, 'a', 'b', 'c'});
        h.write("name.json\0comment\0".getBytes(StandardCharsets.ISO_8859_1));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(h.toByteArray());
        h.write((int) crc.getValue() & 0xFF);
        h.write((int) (crc.getValue() >> 8) & 0xFF);
        h.write(plain, 10, plain.length - 10);
        return h.toByteArray();
    }

    private static byte[] corrupt(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x55;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
