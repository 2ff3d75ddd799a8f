package io.sealwatch.reports.pdf;

import io.sealwatch.config.Policy;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.model.Waiver;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;
import io.sealwatch.result.RunResult;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One chapter of the PDF report. Every chapter reads the same {@link ReportRun} (sorted once) and appends to
 * the same {@link Lines}; the helpers here are the ones more than one chapter needs.
 */
abstract class Section {
    final RunResult r;
    final Instant asOf;
    final Policy policy;
    final Display d;
    final List<Episode> episodes;
    final List<Finding> findings;
    final Map<String, List<Finding>> findingsByEpisode;
    private final Lines out;

    Section(ReportRun run, Lines out) {
        this.r = run.result();
        this.asOf = run.asOf();
        this.policy = run.policy();
        this.d = run.display();
        this.episodes = run.episodes();
        this.findings = run.findings();
        this.findingsByEpisode = run.findingsByEpisode();
        this.out = out;
    }

    /** Adds this chapter's lines. */
    abstract void write();

    final void add(Line l) {
        out.add(l);
    }

    static final String NEVER = "never";

    long open(Severity s) {
        return findings.stream().filter(f -> !f.accepted() && f.severity() == s).count();
    }

    void chart(boolean any, String alt, Supplier<byte[]> png) {
        if (any) {
            add(Line.image(alt, png.get()));
        }
    }

    static String describe(Finding f) {
        StringBuilder b = new StringBuilder(Fmt.nz(f.message()));
        if (f.accepted()) {
            Waiver w = f.waiver();
            b.append("\nACCEPTED until ").append(w.until()).append(" by ").append(w.approvedBy()).append(": ")
                    .append(w.reason());
        }
        if (f.evidence() != null && !f.evidence().isEmpty()) {
            b.append("\nEvidence: ").append(Display.refs(f.evidence()));
        }
        return b.toString();
    }

    static Tone tone(Severity s) {
        return switch (s) {
            case CRITICAL -> Tone.BAD;
            case HIGH, MEDIUM -> Tone.WARN;
            default -> Tone.MUTED;
        };
    }

    static <T> Map<String, List<T>> byEpisode(List<T> items, Function<T, String> episode) {
        return items.stream().filter(i -> episode.apply(i) != null).collect(Collectors.groupingBy(episode));
    }

    static String count(List<Finding> fs, Severity s) {
        return str(fs.stream().filter(f -> f.severity() == s).count());
    }

    static String str(long n) {
        return Long.toString(n);
    }

    /** With thousands separators, for the large counts of the inputs table. */
    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
