package io.sealwatch.reports.pdf;

import io.sealwatch.config.Waiver;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Notification;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.reports.json.RunJsonRenderer;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;
import io.sealwatch.rules.RuleMeta;
import org.jfree.data.category.DefaultCategoryDataset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the report's lines from a run, section by section. Per-episode detail is given for the first
 * {@link #DETAIL_LIMIT} episodes (by start); every episode is still in the Episodes table, and every
 * finding in the Findings table, so a 10 000-episode run stays a readable (and fillable) document.
 */
final class ReportContent {

    static final int DETAIL_LIMIT = 200;
    static final int CHART_BARS = 30;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final RunResult r;
    private final Instant asOf;
    private final List<Episode> episodes;
    private final List<Finding> findings;
    private final Map<String, List<Finding>> findingsByEpisode;
    private final List<Line> lines = new ArrayList<>();

    private ReportContent(RunResult r) {
        this.r = r;
        this.asOf = r.info().period().asOf();
        this.episodes = EpisodesJsonRenderer.sorted(r);
        this.findings = FindingsJsonRenderer.sorted(r);
        this.findingsByEpisode = byEpisode(findings, Finding::episode);
    }

    static List<Line> lines(RunResult r) {
        ReportContent c = new ReportContent(r);
        c.summary();
        c.charts();
        c.episodeTable();
        c.findingTable();
        c.episodeDetails();
        c.rotations();
        c.program();
        c.coverage();
        c.waivers();
        c.inputs();
        return List.copyOf(c.lines);
    }

    /** One sentence for the cover. */
    static String headline(RunResult r) {
        long open = r.evaluation().findings().stream().filter(f -> !f.accepted()).count();
        long critical = r.evaluation().findings().stream()
                .filter(f -> !f.accepted() && f.severity() == Severity.CRITICAL).count();
        return r.facts().episodes().size() + " break-glass episode(s) · " + open + " open finding(s), "
                + critical + " critical · " + (r.evaluation().findings().size() - open) + " accepted by waiver";
    }

    private void summary() {
        add(Line.h1("Summary", false));
        add(Line.p(headline(r)));
        if (!r.info().complete()) {
            add(Line.p("EVIDENCE INCOMPLETE — an input could not be read; the conclusions below may miss events."));
            r.info().problems().forEach(p -> add(Line.note(p)));
        }
        add(Line.h2("Findings by severity"));
        add(Line.row4(true, "Severity", "Findings", "Open", "Accepted by waiver"));
        for (Severity s : Severity.values()) {
            List<Finding> of = findings.stream().filter(f -> f.severity() == s).toList();
            long accepted = of.stream().filter(Finding::accepted).count();
            add(Line.row4(false, s.wire(), str(of.size()), str(of.size() - accepted), str(accepted)));
        }
        add(Line.h2("Findings by account"));
        add(Line.row6(true, "Account", "Critical", "High", "Medium", "Low / info", "Total"));
        Map<String, List<Finding>> byAccount = new TreeMap<>(findings.stream()
                .collect(Collectors.groupingBy(f -> f.account() == null ? "(log sources)" : f.account())));
        r.config().accounts().forEach(a -> byAccount.putIfAbsent(a.id(), List.of()));
        byAccount.forEach((account, fs) -> add(Line.row6(false, account, count(fs, Severity.CRITICAL),
                count(fs, Severity.HIGH), count(fs, Severity.MEDIUM),
                str(fs.stream().filter(f -> f.severity() == Severity.LOW || f.severity() == Severity.INFO).count()),
                str(fs.size()))));
        add(Line.h2("Episodes by classification"));
        add(Line.row4(true, "Classification", "Episodes", "With open findings", "Share"));
        for (Classification c : Classification.values()) {
            List<Episode> of = episodes.stream().filter(e -> e.classification() == c).toList();
            long withFindings = of.stream().filter(e -> findingsByEpisode.getOrDefault(e.id(), List.of()).stream()
                    .anyMatch(f -> !f.accepted())).count();
            String share = episodes.isEmpty() ? "-" : Math.round(100.0 * of.size() / episodes.size()) + " %";
            add(Line.row4(false, c.wire(), str(of.size()), str(withFindings), share));
        }
        controls();
    }

    /** A control fails when any open finding maps to it; every control the rule pack names is listed. */
    private void controls() {
        add(Line.h2("Controls"));
        add(Line.note("A control passes when no open (unwaived) finding of the period maps to it."));
        Map<String, Set<String>> rulesByControl = new TreeMap<>();
        for (RuleMeta m : r.rules()) {
            m.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(m.id()));
        }
        for (Finding f : findings) {
            if (f.controls() != null) {
                f.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(f.rule()));
            }
        }
        add(Line.row4(true, "Status", "Control", "Open findings", "Rules"));
        rulesByControl.forEach((control, rules) -> {
            long open = findings.stream().filter(f -> !f.accepted() && f.controls() != null
                    && f.controls().contains(control)).count();
            add(Line.row4(false, open == 0 ? "pass" : "FAIL", control, str(open), String.join(", ", rules)));
        });
    }

    private void charts() {
        add(Line.h1("Charts", true));
        DefaultCategoryDataset perMonth = new DefaultCategoryDataset();
        TreeMap<String, TreeMap<String, Integer>> counts = new TreeMap<>();
        for (Episode e : episodes) {
            counts.computeIfAbsent(e.account(), k -> new TreeMap<>()).merge(MONTH.format(e.start()), 1, Integer::sum);
        }
        TreeSet<String> months = new TreeSet<>();
        counts.values().forEach(m -> months.addAll(m.keySet()));
        counts.forEach((account, m) -> months.forEach(month -> perMonth.addValue(m.getOrDefault(month, 0), account, month)));
        chart(perMonth, () -> Charts.stackedBars("Episodes per month and account", "Month", "Episodes", perMonth));

        long limitMin = r.config().policy().notifyWithin().toMinutes();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        List<Episode> notified = episodes.stream().filter(e -> e.notifications() != null && !e.notifications().isEmpty())
                .limit(CHART_BARS).toList();
        for (Episode e : notified) {
            new TreeMap<>(e.notifications()).forEach((group, secs) -> latency.addValue(secs / 60.0, group, e.id()));
        }
        chart(latency, () -> Charts.barsWithLimit("Notification latency per episode", "Episode", "Minutes after start",
                latency, limitMin, "limit " + limitMin + " min"));
        if (notified.size() == CHART_BARS) {
            add(Line.note("Chart shows the first " + CHART_BARS + " notified episodes; all are in evidence.xlsx (Notifications)."));
        }

        long rotateH = r.config().policy().rotateWithin().toHours();
        DefaultCategoryDataset rotate = new DefaultCategoryDataset();
        List<CredentialRotation> done = r.facts().rotations().stream().filter(c -> c.rotatedAt() != null)
                .sorted(ROTATION_ORDER).limit(CHART_BARS).toList();
        for (CredentialRotation c : done) {
            Instant end = c.deadline().minus(r.config().policy().rotateWithin());
            double hours = (c.rotatedAt().getEpochSecond() - end.getEpochSecond()) / 3600.0;
            rotate.addValue(hours, "hours to rotate", c.episode() + " · " + c.credential());
        }
        chart(rotate, () -> Charts.barsWithLimit("Time to rotate per credential", "Episode · credential",
                "Hours after episode end", rotate, rotateH, "deadline " + rotateH + " h"));
        if (done.size() == CHART_BARS) {
            add(Line.note("Chart shows the first " + CHART_BARS + " rotations; all are in the Rotation status section."));
        }
    }

    private void chart(DefaultCategoryDataset data, java.util.function.Supplier<byte[]> png) {
        if (data.getColumnCount() == 0) {
            return;
        }
        add(Line.image(png.get()));
    }

    private void episodeTable() {
        add(Line.h1("Episodes", true));
        if (episodes.isEmpty()) {
            add(Line.p("No break-glass episode started in the period."));
            return;
        }
        add(Line.row6(true, "Episode", "Classification", "Start / end (UTC)", "Duration", "Approvals · custodians",
                "Open findings"));
        for (Episode e : episodes) {
            List<Finding> fs = findingsByEpisode.getOrDefault(e.id(), List.of());
            String open = fs.stream().filter(f -> !f.accepted()).map(Finding::rule).distinct()
                    .collect(Collectors.joining(", "));
            add(Line.row6(false, e.id(), e.classification().wire(), Fmt.instant(e.start()) + "\n" + Fmt.instant(e.end()),
                    Fmt.duration(e.durationSeconds()), Fmt.join(e.approvals()) + "\n" + Fmt.join(e.custodians()),
                    open.isEmpty() ? "none" : open));
        }
    }

    private void findingTable() {
        add(Line.h1("Findings", true));
        if (findings.isEmpty()) {
            add(Line.p("No finding."));
            return;
        }
        add(Line.row4(true, "Severity", "Rule · at (UTC)", "Account · episode", "Message · evidence"));
        for (Finding f : findings) {
            add(Line.row4(false, f.severity().wire(), f.rule() + "\n" + Fmt.instant(f.at()),
                    Fmt.nz(f.account()) + "\n" + Fmt.nz(f.episode()), describe(f)));
        }
    }

    private static String describe(Finding f) {
        StringBuilder b = new StringBuilder(Fmt.nz(f.message()));
        if (f.accepted()) {
            Waiver w = f.waiver();
            b.append("\nACCEPTED until ").append(w.until()).append(" by ").append(w.approvedBy()).append(": ")
                    .append(w.reason());
        }
        if (f.evidence() != null && !f.evidence().isEmpty()) {
            b.append("\nEvidence: ").append(Fmt.refs(f.evidence()));
        }
        return b.toString();
    }

    private void episodeDetails() {
        if (episodes.isEmpty()) {
            return;
        }
        add(Line.h1("Episode details", true));
        if (episodes.size() > DETAIL_LIMIT) {
            add(Line.note("Details are given for the first " + DETAIL_LIMIT + " of " + episodes.size()
                    + " episodes (by start); every episode is in the Episodes table above and in evidence.xlsx."));
        }
        Map<String, List<Approval>> approvals = byEpisode(r.facts().approvals(), Approval::episode);
        Map<String, List<Custody>> custody = byEpisode(r.facts().custody(), Custody::episode);
        Map<String, List<Notification>> notes = byEpisode(r.facts().notifications(), Notification::episode);
        Map<String, List<CredentialRotation>> rotations = byEpisode(r.facts().rotations(), CredentialRotation::episode);
        Map<String, List<PersistentAccess>> access = byEpisode(r.facts().persistentAccess(), PersistentAccess::episode);
        Map<String, List<Authentication>> auths = byEpisode(r.facts().authentications(), Authentication::episode);
        for (Episode e : episodes.subList(0, Math.min(DETAIL_LIMIT, episodes.size()))) {
            add(Line.h2("Episode " + e.id()));
            add(Line.kv("Account", e.account()));
            add(Line.kv("Classification", e.classification().wire()));
            add(Line.kv("Start · end (UTC)", Fmt.instant(e.start()) + " · " + Fmt.instant(e.end())
                    + "  (" + Fmt.duration(e.durationSeconds()) + ")"));
            add(Line.kv("Incident", e.incident() == null ? "none referenced" : e.incident()));
            add(Line.kv("Actors", Fmt.join(e.actors())));
            add(Line.kv("Approvers", e.approvals().isEmpty() ? "none" : Fmt.join(e.approvals())));
            add(Line.kv("Custodians", e.custodians().isEmpty() ? "none" : Fmt.join(e.custodians())));
            add(Line.kv("Sources · actions", Fmt.join(e.sources()) + " · " + e.actions() + " action(s)"));
            List<String[]> timeline = new ArrayList<>();
            for (Custody c : forEpisode(custody, e)) {
                timeline.add(row(c.time(), "credential share released", c.custodian(), "share " + Fmt.nz(c.share())
                        + " · " + Fmt.ref(c.evidence())));
            }
            for (Approval a : forEpisode(approvals, e)) {
                timeline.add(row(a.time(), a.late() ? "approval (late)" : "approval", a.approver(),
                        "incident " + (a.incident() == null ? "none" : a.incident()) + " · " + Fmt.ref(a.evidence())));
            }
            timeline.add(row(e.start(), "first activity", "", Fmt.ref(e.first())));
            timeline.add(row(e.end(), "last activity", "", Fmt.ref(e.last())));
            for (Authentication a : forEpisode(auths, e)) {
                timeline.add(row(a.time(), a.success() ? "sign-in" : "failed sign-in", a.actor(),
                        "MFA " + Fmt.nz(a.mfa()) + (a.federated() ? " · federated SSO" : "") + " · " + Fmt.ref(a.evidence())));
            }
            for (Notification n : forEpisode(notes, e)) {
                timeline.add(row(n.time(), "notified " + n.recipient(), "",
                        "after " + Fmt.duration(n.latencySeconds()) + " · " + Fmt.ref(n.evidence())));
            }
            for (CredentialRotation c : forEpisode(rotations, e)) {
                String status = c.status(asOf);
                timeline.add(c.rotatedAt() != null
                        ? row(c.rotatedAt(), "rotated " + c.credential() + " (" + status + ")", "", Fmt.ref(c.evidence()))
                        : row(c.deadline(), "rotation deadline " + c.credential() + " (" + status + ")", "", ""));
            }
            for (PersistentAccess p : forEpisode(access, e)) {
                timeline.add(row(p.created(), "created " + p.kind(), Fmt.nz(p.object()), Fmt.ref(p.evidence())));
                if (p.removed() != null) {
                    timeline.add(row(p.removed(), "removed " + p.kind(), Fmt.nz(p.object()), ""));
                }
            }
            timeline.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
            add(Line.row4(true, "Time (UTC)", "Event", "Who", "Detail · evidence"));
            timeline.forEach(t -> add(Line.row4(false, t)));
            List<Finding> fs = findingsByEpisode.getOrDefault(e.id(), List.of());
            if (fs.isEmpty()) {
                add(Line.note("No finding for this episode."));
            } else {
                add(Line.row4(true, "Severity", "Rule", "Message", "Evidence"));
                fs.forEach(f -> add(Line.row4(false, f.severity().wire(), f.rule() + (f.accepted() ? "\n(accepted)" : ""),
                        f.message(), Fmt.refs(f.evidence()))));
            }
        }
    }

    private static <T> List<T> forEpisode(Map<String, List<T>> map, Episode e) {
        return map.getOrDefault(e.id(), List.of());
    }

    private static String[] row(Instant t, String what, String who, String detail) {
        return new String[]{Fmt.instant(t), what, who, detail};
    }

    private static final Comparator<CredentialRotation> ROTATION_ORDER = Comparator.comparing(CredentialRotation::deadline)
            .thenComparing(CredentialRotation::episode).thenComparing(CredentialRotation::credential);

    private void rotations() {
        add(Line.h1("Rotation status", true));
        add(Line.note("As of " + asOf + ": done = rotated by the deadline; late = rotated after it; pending = deadline "
                + "not reached; missing = deadline passed without rotation."));
        if (r.facts().rotations().isEmpty()) {
            add(Line.p("No credential had to be rotated."));
            return;
        }
        add(Line.row6(true, "Status", "Episode", "Credential", "Deadline (UTC)", "Rotated at (UTC)", "Evidence"));
        r.facts().rotations().stream().sorted(ROTATION_ORDER).forEach(c -> add(Line.row6(false, c.status(asOf),
                c.episode(), c.credential(), Fmt.instant(c.deadline()), Fmt.instant(c.rotatedAt()), Fmt.ref(c.evidence()))));
    }

    private void program() {
        add(Line.h1("Drills and reviews", true));
        var policy = r.config().policy();
        add(Line.note("A drill is due every " + policy.drillEvery() + " and a review of need every "
                + policy.reviewEvery() + " (as of " + asOf + ")."));
        add(Line.row6(true, "Account", "Last drill", "Drill", "Last review", "Review", "Program records"));
        Map<String, List<ProgramEvent>> byAccount = r.facts().programEvents().stream()
                .collect(Collectors.groupingBy(ProgramEvent::account));
        for (String account : r.config().accounts().stream().map(a -> a.id()).sorted().toList()) {
            List<ProgramEvent> evs = byAccount.getOrDefault(account, List.of());
            Instant drill = last(evs, "drill");
            Instant review = last(evs, "review");
            add(Line.row6(false, account, drill == null ? "never" : Fmt.instant(drill), due(drill, policy.drillEvery()),
                    review == null ? "never" : Fmt.instant(review), due(review, policy.reviewEvery()), str(evs.size())));
        }
        if (!r.facts().programEvents().isEmpty()) {
            add(Line.h2("Drill and review records"));
            add(Line.row4(true, "Time (UTC)", "Kind", "Account", "Led by · evidence"));
            r.facts().programEvents().stream().sorted(Comparator.comparing(ProgramEvent::time)
                            .thenComparing(ProgramEvent::account).thenComparing(ProgramEvent::kind))
                    .forEach(p -> add(Line.row4(false, Fmt.instant(p.time()), p.kind(), p.account(),
                            Fmt.nz(p.actor()) + " · " + Fmt.ref(p.evidence()))));
        }
    }

    private static Instant last(List<ProgramEvent> evs, String kind) {
        return evs.stream().filter(p -> kind.equals(p.kind())).map(ProgramEvent::time).max(Comparator.naturalOrder())
                .orElse(null);
    }

    private String due(Instant last, java.time.Period every) {
        if (last == null) {
            return "overdue";
        }
        Instant next = ZonedDateTime.ofInstant(last, ZoneOffset.UTC).plus(every).toInstant();
        return (next.isAfter(asOf) ? "ok, next by " : "overdue since ") + SHORT.format(next);
    }

    private void coverage() {
        add(Line.h1("Log coverage", true));
        add(Line.note("A source silent for longer than " + r.config().policy().logGap()
                + " inside the period cannot attest that nothing happened."));
        add(Line.row6(true, "Source", "Events", "First (UTC)", "Last (UTC)", "Gaps", "Longest gap"));
        List<SourceCoverage> sorted = r.coverage().stream().sorted(Comparator.comparing(SourceCoverage::source)).toList();
        for (SourceCoverage c : sorted) {
            long longest = c.gaps().stream().mapToLong(CoverageGap::seconds).max().orElse(0);
            add(Line.row6(false, c.source(), str(c.events()), Fmt.instant(c.first()), Fmt.instant(c.last()),
                    str(c.gaps().size()), longest == 0 ? "-" : Fmt.duration(longest)));
        }
        if (sorted.stream().anyMatch(c -> !c.gaps().isEmpty())) {
            add(Line.h2("Gaps"));
            add(Line.row4(true, "Source", "From (UTC)", "To (UTC)", "Length"));
            sorted.forEach(c -> c.gaps().forEach(g -> add(Line.row4(false, c.source(), Fmt.instant(g.from()),
                    Fmt.instant(g.to()), Fmt.duration(g.seconds())))));
        }
    }

    private void waivers() {
        add(Line.h1("Accepted exceptions (waivers)", true));
        List<Finding> accepted = findings.stream().filter(Finding::accepted).toList();
        if (accepted.isEmpty()) {
            add(Line.p("No finding was accepted by a waiver."));
        } else {
            add(Line.row4(true, "Rule · episode", "Account", "Waived until · by", "Reason"));
            accepted.forEach(f -> add(Line.row4(false, f.rule() + "\n" + Fmt.nz(f.episode()), Fmt.nz(f.account()),
                    f.waiver().until() + "\n" + Fmt.nz(f.waiver().approvedBy()), f.waiver().reason())));
        }
        waiverList("Waivers that matched no finding", r.evaluation().unusedWaivers());
        waiverList("Expired waivers (no longer applied)", r.evaluation().expiredWaivers());
    }

    private void waiverList(String title, List<Waiver> ws) {
        if (ws.isEmpty()) {
            return;
        }
        add(Line.h2(title));
        add(Line.row4(true, "Rule", "Account", "Until · by", "Reason"));
        ws.forEach(w -> add(Line.row4(false, w.rule(), w.account(), w.until() + "\n" + Fmt.nz(w.approvedBy()), w.reason())));
    }

    private void inputs() {
        add(Line.h1("Inputs", true));
        long read = r.inputs().stream().mapToLong(InputFileStats::read).sum();
        long quarantined = r.inputs().stream().mapToLong(InputFileStats::quarantined).sum();
        add(Line.p(r.inputs().size() + " file(s), " + read + " record(s) read, " + quarantined + " quarantined, "
                + r.duplicates() + " duplicate(s) dropped. Every record is normalised, not relevant, quarantined or a duplicate."));
        if (r.inputs().isEmpty()) {
            return;
        }
        add(Line.row4(true, "Source · path", "sha256", "Records", "Error"));
        r.inputs().stream().sorted(RunJsonRenderer.INPUT_ORDER).forEach(i -> add(Line.row4(false,
                i.source() + "\n" + i.path(), i.sha256(),
                "read " + i.read() + " · normalised " + i.normalised() + " · not relevant " + i.notRelevant()
                        + " · quarantined " + i.quarantined() + " · duplicates " + i.duplicates() + " · " + i.bytes() + " bytes",
                i.error() == null ? "" : i.error())));
    }

    private void add(Line l) {
        lines.add(l);
    }

    private static <T> Map<String, List<T>> byEpisode(List<T> items, Function<T, String> episode) {
        return items.stream().filter(i -> episode.apply(i) != null).collect(Collectors.groupingBy(episode));
    }

    private static String count(List<Finding> fs, Severity s) {
        return str(fs.stream().filter(f -> f.severity() == s).count());
    }

    private static String str(long n) {
        return Long.toString(n);
    }
}
