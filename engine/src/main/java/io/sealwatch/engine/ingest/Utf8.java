package io.sealwatch.engine.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Records are parsed as bytes. Logs sometimes carry invalid UTF-8; such a record is decoded the way
 * Java decodes text (each malformed sequence becomes U+FFFD) and parsed as those bytes instead, so a
 * stray byte costs one character, never the record.
 */
final class Utf8 {
    private Utf8() {
    }

    /** {@code raw[off, off + len)} decoded as Java decodes UTF-8 (malformed sequences → U+FFFD), re-encoded. */
    static byte[] repaired(byte[] raw, int off, int len) {
        return new String(raw, off, len, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Well-formed UTF-8 as RFC 3629 defines it (no overlong forms, surrogates or code points past U+10FFFF). */
    static boolean valid(byte[] raw, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (i + Swar.WIDTH <= end && Swar.high(Swar.word(raw, i)) == 0) {
                i += Swar.WIDTH;
                continue;
            }
            if (raw[i] >= 0) {
                i++;
                continue;
            }
            int lead = raw[i] & 0xFF;
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                more = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                more = 2;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                more = 3;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + more >= end) {
                return false;
            }
            int second = raw[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                int c = raw[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
