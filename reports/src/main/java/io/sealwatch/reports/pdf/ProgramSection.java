package io.sealwatch.reports.pdf;

import io.sealwatch.model.ProgramEvent;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Drills and reviews chapter: per account, when each was last held and when the next is due. */
final class ProgramSection extends Section {
    ProgramSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Drills and reviews", true));
        add(Line.note("A drill is due every " + Display.period(policy.drillEvery()) + " and a review of need every "
                + Display.period(policy.reviewEvery()) + "; judged as of " + d.at(asOf) + "."));
        add(Line.th("prg", "Status", "Account", "Kind", "Last", "Next due by", "Last record"));
        Map<String, List<ProgramEvent>> byAccount = r.facts().programEvents().stream()
                .collect(Collectors.groupingBy(ProgramEvent::account));
        for (String account : r.config().accounts().stream().map(a -> a.id()).sorted().toList()) {
            List<ProgramEvent> evs = byAccount.getOrDefault(account, List.of());
            programRow(account, "drill", evs, policy.drillEvery());
            programRow(account, "review", evs, policy.reviewEvery());
        }
        add(Line.h2("Drill and review records"));
        if (r.facts().programEvents().isEmpty()) {
            add(Line.p("None: no drill or review was recorded."));
            return;
        }
        add(Line.th("rec", "Time", "Kind", "Account", "Led by · evidence"));
        r.facts().programEvents().stream().sorted(ProgramEvent.ORDER)
                .forEach(p -> add(Line.td("rec", Tone.NONE, d.at(p.time()), p.kind(), p.account(),
                        Fmt.nz(p.actor()) + "\n" + Display.ref(p.evidence()))));
    }

    private void programRow(String account, String kind, List<ProgramEvent> evs, java.time.Period every) {
        ProgramEvent last = evs.stream().filter(p -> kind.equals(p.kind()))
                .max(Comparator.comparing(ProgramEvent::time)).orElse(null);
        if (last == null) {
            add(Line.td("prg", Tone.BAD, "overdue", account, kind, NEVER, "now", ""));
            return;
        }
        Instant next = ZonedDateTime.ofInstant(last.time(), ZoneOffset.UTC).plus(every).toInstant();
        boolean ok = next.isAfter(asOf);
        add(Line.td("prg", ok ? Tone.GOOD : Tone.BAD, ok ? "ok" : "overdue", account, kind, d.at(last.time()),
                d.at(next), Display.ref(last.evidence())));
    }
}
