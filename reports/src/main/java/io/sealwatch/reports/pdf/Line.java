package io.sealwatch.reports.pdf;

/**
 * One line of a report's single data source; {@code kind} selects the detail band that prints it
 * (see report.jrxml; other templates, e.g. the annual review's, add kinds of their own through
 * {@link #of}). A JavaBean (getters) because Jasper's bean data source reads properties.
 */
public final class Line {
    private final String kind;
    private final boolean newPage;
    private final String[] cells;
    private final byte[] image;

    private Line(String kind, boolean newPage, byte[] image, String... cells) {
        this.kind = kind;
        this.newPage = newPage;
        this.image = image;
        this.cells = new String[6];
        for (int i = 0; i < this.cells.length; i++) {
            this.cells[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
    }

    /** A line of a template-specific kind, up to six cells. */
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

    public static Line image(byte[] png) {
        return new Line("img", false, png);
    }

    public String getKind() {
        return kind;
    }

    public Boolean getNewPage() {
        return newPage;
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

    public byte[] getImage() {
        return image;
    }
}
