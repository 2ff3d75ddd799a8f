package io.sealwatch.engine.ingest;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma separated, double-quoted fields with {@code ""} escapes and line breaks inside quotes. */
final class Csv {
    private Csv() {
    }

    /**
     * @param line  the line the row starts on (1-based)
     * @param raw   the row's text as in the file
     * @param error why the row could not be split, or null
     */
    record Row(long line, List<String> fields, String raw, String error) {
    }

    static List<Row> parse(String text, long firstLine) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        long line = firstLine;
        int n = text.length();
        while (i < n) {
            int start = i;
            long startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            String error = null;
            while (i < n) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    break;
                } else {
                    if (wasQuoted && error == null) {
                        error = "text after a closing quote in field " + (fields.size() + 1);
                    }
                    field.append(c);
                }
                i++;
            }
            if (quoted) {
                error = "unterminated quoted field " + (fields.size() + 1);
            }
            fields.add(field.toString());
            String raw = text.substring(start, i);
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n') {
                i++;
            }
            line++;
            if (!raw.isBlank()) {
                rows.add(new Row(startLine, fields, raw, error));
            }
        }
        return rows;
    }
}
