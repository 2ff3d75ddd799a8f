package io.sealwatch.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One line of a report's single data source; {@code kind} selects the detail band that prints it
 * (see report.jrxml; other templates, e.g. the annual review's, add kinds of their own through
 * {@link #of}). A JavaBean (getters) because Jasper's bean data source reads properties; a template
 * declares only the properties it prints.
 */
public final class Line {

    /** How a row's first cell (its status or severity) is coloured. */
    public enum Tone {
        NONE, GOOD, WARN, BAD, MUTED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final int CELLS = 9;

    private final String kind;
    private final boolean newPage;
    private final String[] cells;
    private final byte[] image;
    private final Tone tone;
    private final int chapter;
    private final int section;
    private boolean tableStart;
    private boolean tableEnd;

    private Line(String kind, boolean newPage, byte[] image, Tone tone, int chapter, int section, String... cells) {
        this.kind = kind;
        this.newPage = newPage;
        this.image = image;
        this.tone = tone;
        this.chapter = chapter;
        this.section = section;
        this.cells = new String[CELLS];
        for (int i = 0; i < CELLS; i++) {
            this.cells[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
    }

    private Line(String kind, boolean newPage, byte[] image, String... cells) {
        this(kind, newPage, image, Tone.NONE, 0, 0, cells);
    }

    /** A line of a template-specific kind, up to nine cells. */
    public static Line of(String kind, boolean newPage, String... cells) {
        return new Line(kind, newPage, null, cells);
    }

    /** A section title; {@code newPage} starts it on a fresh page. */
    public static Line h1(String text, boolean newPage) {
        return new Line("h1", newPage, null, text);
    }

    public static Line h2(String text) {
        return new Line("h2", false, null, text);
    }

    public static Line p(String text) {
        return new Line("p", false, null, text);
    }

    public static Line note(String text) {
        return new Line("note", false, null, text);
    }

    public static Line kv(String key, String value) {
        return new Line("kv", false, null, key, value);
    }

    /** A 4-column table row; {@code header} prints it as the header row. */
    public static Line row4(boolean header, String... cells) {
        return new Line(header ? "th4" : "td4", false, null, cells);
    }

    public static Line row6(boolean header, String... cells) {
        return new Line(header ? "th6" : "td6", false, null, cells);
    }

    /** The header row of the template's table layout {@code table} (kind {@code table + ".h"}). */
    public static Line th(String table, String... cells) {
        return new Line(table + ".h", false, null, cells);
    }

    /** A body row of the table layout {@code table} (kind {@code table + ".d"}), its first cell coloured by tone. */
    public static Line td(String table, Tone tone, String... cells) {
        return new Line(table + ".d", false, null, tone, 0, 0, cells);
    }

    /** A chart; {@code alt} is its text alternative for screen readers (the PDF tag's /Alt). */
    public static Line image(String alt, byte[] png) {
        return new Line("img", false, png, alt);
    }

    /**
     * The lines as a template prints them: every cell through {@code text} (e.g. glyphs the font lacks made
     * visible), and each run of rows of one table layout marked where it starts and ends, so the PDF's
     * structure tree gets one Table per run (Jasper tags rows and cells from element properties, but a band
     * cannot see its neighbours).
     */
    public static List<Line> printable(List<Line> lines, UnaryOperator<String> text) {
        List<Line> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            String[] shown = new String[CELLS];
            for (int i = 0; i < CELLS; i++) {
                shown[i] = text.apply(l.cells[i]);
            }
            out.add(new Line(l.kind, l.newPage, l.image, l.tone, l.chapter, l.section, shown));
        }
        for (int i = 0; i < out.size(); i++) {
            String table = out.get(i).table();
            if (table != null) {
                out.get(i).tableStart = i == 0 || !table.equals(out.get(i - 1).table());
                out.get(i).tableEnd = i == out.size() - 1 || !table.equals(out.get(i + 1).table());
            }
        }
        return out;
    }

    /** The table layout a row belongs to ("ep" for "ep.h" and "ep.d", "t4" for "th4" and "td4"), or null. */
    private String table() {
        if (kind.endsWith(".h") || kind.endsWith(".d")) {
            return kind.substring(0, kind.length() - 2);
        }
        return kind.matches("t[hd]\\d") ? "t" + kind.charAt(2) : null;
    }

    /**
     * This line as part of a chapter (a run of lines on fresh pages) and a section (a heading and what follows):
     * a template can start chapters on a new page with a group, and keep sections together.
     */
    Line in(int chapter, int section) {
        return new Line(kind, newPage, image, tone, chapter, section, cells);
    }

    public String getKind() {
        return kind;
    }

    public Boolean getTableStart() {
        return tableStart;
    }

    public Boolean getTableEnd() {
        return tableEnd;
    }

    public Boolean getNewPage() {
        return newPage;
    }

    public String getTone() {
        return tone.wire();
    }

    public Integer getChapter() {
        return chapter;
    }

    public Integer getSection() {
        return section;
    }

    public String getC1() {
        return cells[0];
    }

    public String getC2() {
        return cells[1];
    }

    public String getC3() {
        return cells[2];
    }

    public String getC4() {
        return cells[3];
    }

    public String getC5() {
        return cells[4];
    }

    public String getC6() {
        return cells[5];
    }

    public String getC7() {
        return cells[6];
    }

    public String getC8() {
        return cells[7];
    }

    public String getC9() {
        return cells[8];
    }

    public byte[] getImage() {
        return image;
    }
}
