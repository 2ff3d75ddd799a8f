package io.sealwatch.samples.internal;

/** CSV fields as RFC 4180 writes them: quoted only when they hold a comma, a quote or a line break. */
public final class Csv {
    private Csv() {
    }

    /** The field as written; null is the empty field. */
    public static String field(String v) {
        if (v == null) {
            return "";
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
