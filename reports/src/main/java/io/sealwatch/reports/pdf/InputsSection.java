package io.sealwatch.reports.pdf;

import io.sealwatch.model.InputFileStats;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The Inputs chapter: per-source totals and the files with a problem. */
final class InputsSection extends Section {
    InputsSection(ReportRun run, Lines out) {
        super(run, out);
    }

    /** Per source totals; only the files with a problem are listed (all files, with hashes, are in the xlsx and run.json). */
    @Override
    void write() {
        add(Line.h1("Inputs", true));
        add(Line.p(r.inputs().size() + " file(s) read, " + r.duplicates() + " duplicate record(s) dropped. Every record "
                + "read is normalised, not relevant, quarantined or a duplicate."));
        add(Line.note("The full list of input files, with their paths, sizes, record counts and sha256 hashes, is in "
                + "evidence.xlsx (sheet Inputs) and run.json."));
        if (r.inputs().isEmpty()) {
            return;
        }
        add(Line.th("in", "Source", "Files", "Bytes", "Read", "Normalised", "Not relevant", "Quarantined",
                "Duplicates", "Files with errors"));
        Map<String, List<InputFileStats>> bySource = new TreeMap<>(r.inputs().stream()
                .collect(Collectors.groupingBy(InputFileStats::source)));
        bySource.forEach((source, files) -> add(sourceRow(source, files)));
        if (bySource.size() > 1) {
            add(sourceRow("all sources", r.inputs()));
        }
        add(Line.h2("Files with errors or quarantined records"));
        List<InputFileStats> problems = r.inputs().stream().filter(i -> i.error() != null || i.quarantined() > 0)
                .sorted(InputFileStats.ORDER).toList();
        if (problems.isEmpty()) {
            add(Line.p("None: every file was read to its end and no record was quarantined."));
            return;
        }
        add(Line.note("Quarantined records, with their reasons, are in the bundle's quarantine/ folder."));
        add(Line.th("inf", "Status", "Source · file", "Records", "Error"));
        problems.forEach(i -> add(Line.td("inf", i.error() != null ? Tone.BAD : Tone.WARN,
                i.error() != null ? "unreadable" : "quarantined", i.source() + "\n" + i.path(),
                "read " + i.read() + " · quarantined " + i.quarantined(), Fmt.nz(i.error()))));
    }

    private static Line sourceRow(String source, List<InputFileStats> files) {
        long errors = files.stream().filter(i -> i.error() != null).count();
        long quarantined = files.stream().mapToLong(InputFileStats::quarantined).sum();
        Tone tone = errors > 0 ? Tone.BAD : quarantined > 0 ? Tone.WARN : Tone.NONE;
        return Line.td("in", tone, source, num(files.size()), num(files.stream().mapToLong(InputFileStats::bytes).sum()),
                num(files.stream().mapToLong(InputFileStats::read).sum()),
                num(files.stream().mapToLong(InputFileStats::normalised).sum()),
                num(files.stream().mapToLong(InputFileStats::notRelevant).sum()), num(quarantined),
                num(files.stream().mapToLong(InputFileStats::duplicates).sum()), num(errors));
    }
}
