package io.sealwatch.samples.internal;

import java.time.LocalDate;

/** Fast ISO-8601 UTC formatting of epoch milliseconds, without per-call formatter objects. */
public final class Iso {
    private Iso() {
    }

    /** {@code 2026-09-30T12:34:56Z}. */
    public static String seconds(long millis) {
        return format(millis, 0);
    }

    /** {@code 2026-09-30T12:34:56.789Z}. */
    public static String millis(long millis) {
        return format(millis, 3);
    }

    /**
     * With {@code digits} fractional digits (0, 3, 6, 7 or 9); digits beyond milliseconds are filled
     * from {@code extra}, a deterministic sub-millisecond value (vendors log micro- or nanoseconds).
     */
    public static String format(long millis, int digits, long extra) {
        StringBuilder sb = new StringBuilder(32);
        appendDateTime(sb, millis);
        if (digits > 0) {
            sb.append('.');
            pad(sb, (int) Math.floorMod(millis, 1000L), 3);
            if (digits > 3) {
                String sub = Long.toString(Math.floorMod(extra, (long) Math.pow(10, digits - 3)));
                for (int i = sub.length(); i < digits - 3; i++) {
                    sb.append('0');
                }
                sb.append(sub);
            }
        }
        return sb.append('Z').toString();
    }

    public static String format(long millis, int digits) {
        return format(millis, digits, 0);
    }

    /** {@code 2026-09-30}. */
    public static String day(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L)).toString();
    }

    private static void appendDateTime(StringBuilder sb, long millis) {
        long secs = Math.floorDiv(millis, 1000L);
        long days = Math.floorDiv(secs, 86_400L);
        int sod = (int) (secs - days * 86_400L);
        LocalDate d = LocalDate.ofEpochDay(days);
        pad(sb, d.getYear(), 4);
        sb.append('-');
        pad(sb, d.getMonthValue(), 2);
        sb.append('-');
        pad(sb, d.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, sod / 3600, 2);
        sb.append(':');
        pad(sb, sod / 60 % 60, 2);
        sb.append(':');
        pad(sb, sod % 60, 2);
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
