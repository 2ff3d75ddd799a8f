package io.sealwatch.reports.pdf;

import java.util.ArrayList;
import java.util.List;

/** The report's lines in order, each numbered with its chapter (a new page) and section (a heading). */
final class Lines {
    private final List<Line> lines = new ArrayList<>();
    private int chapter;
    private int section;

    void add(Line l) {
        if (l.getNewPage()) {
            chapter++;
        }
        if ("h1".equals(l.getKind()) || "h2".equals(l.getKind())) {
            section++;
        }
        lines.add(l.in(chapter, section));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }
}
