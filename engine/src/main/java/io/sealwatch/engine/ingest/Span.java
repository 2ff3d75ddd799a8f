package io.sealwatch.engine.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A run of bytes in a larger array: a record is parsed, searched and hashed where it lies, never
 * copied. Bytes that are not valid UTF-8 are replaced by their repaired copy ({@link Utf8}).
 */
record Span(byte[] bytes, int off, int len) {
    static Span utf8(byte[] bytes, int off, int len) {
        if (Utf8.valid(bytes, off, len)) {
            return new Span(bytes, off, len);
        }
        byte[] fixed = Utf8.repaired(bytes, off, len);
        return new Span(fixed, 0, fixed.length);
    }

    static Span of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Span(b, 0, b.length);
    }

    /** The text of at most the first {@code max} bytes. */
    String head(int max) {
        return new String(bytes, off, Math.min(len, max), StandardCharsets.UTF_8);
    }
}
