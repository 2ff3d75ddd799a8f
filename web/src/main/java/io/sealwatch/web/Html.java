package io.sealwatch.web;

import io.sealwatch.reports.Fmt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A small HTML writer in which every string is data: {@link #text} and every attribute value are escaped
 * ({@code & < > " '}), and tag and attribute names are the code's own constants. There is no way to add
 * unescaped markup except through those names, so a log string can never become a tag, an attribute or script.
 */
final class Html {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(16_384);

    /** {@code 2026-07-14 03:12:09Z}: the page's one timestamp form, UTC to the second. */
    static String at(Instant t) {
        return t == null ? "" : AT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * {@code in 1h 05m 09s} or {@code 3m 00s ago}, the same words as the page's script writes
     * ({@code /static/status.js}) as the clock runs.
     */
    static String left(Instant due, Instant now) {
        long seconds = due.getEpochSecond() - now.getEpochSecond();
        return seconds >= 0 ? "in " + Fmt.duration(seconds) : Fmt.duration(-seconds) + " ago";
    }

    /** ISO-8601 to the second, the form every browser's {@code Date.parse} reads. */
    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A timestamp the page's script keeps counting down to, with its server-rendered countdown as text. */
    Html countdown(Instant due, Instant now) {
        String iso = iso(due);
        return element("time", left(due, now) + " (" + at(due) + ")", "datetime", iso, "data-due", iso, "title", at(due));
    }

    /** Starts the document: the doctype is the one piece of markup that is not an element. */
    Html doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
