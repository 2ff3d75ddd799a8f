package io.sealwatch.reports.pdf;

import io.sealwatch.config.Policy;
import io.sealwatch.model.Waiver;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.result.EpisodeStatus;
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
import io.sealwatch.reports.pdf.Charts.Bar;
import io.sealwatch.reports.pdf.Line.Tone;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;
import io.sealwatch.rules.RuleMeta;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the report's lines from a run, section by section. Per-episode detail is given for the first
 * {@link #DETAIL_LIMIT} episodes (by start); every episode is still in the Episodes table, and every
 * finding in the Findings table, so a 10 000-episode run stays a readable (and fillable) document.
 * Charts show the worst cases when there are more than fit: a never-sent notification or a never-made
 * rotation is drawn as a full red bar, not left out.
 */
final class ReportContent {

    static final int DETAIL_LIMIT = 200;
    static final int CHART_BARS = 30;
    private static final String NEVER = "never";

    private final RunResult r;
    private final Instant asOf;
    private final Policy policy;
    private final Display d;
    private final List<Episode> episodes;
    private final List<Finding> findings;
    private final Map<String, List<Finding>> findingsByEpisode;
    private final List<Line> lines = new ArrayList<>();
    private int chapter;
    private int section;

    private ReportContent(RunResult r) {
        this.r = r;
        this.asOf = r.info().period().asOf();
        this.policy = r.config().policy();
        this.d = display(r);
        this.episodes = EpisodesJsonRenderer.sorted(r);
        this.findings = FindingsJsonRenderer.sorted(r);
        this.findingsByEpisode = byEpisode(findings, Finding::episode);
    }

    static Display display(RunResult r) {
        return Display.of(r.config().timezone());
    }

    static List<Line> lines(RunResult r) {
        ReportContent c = new ReportContent(r);
        c.summary();
        c.charts();
        c.episodeTable();
        c.openEpisodes();
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
                + critical + " critical · " + (r.evaluation().findings().size() - open) + " accepted by waiver"
                + (r.info().clamped() ? " · judged as of the run, " + r.info().period().to() + ", not "
                + r.info().requestedTo() + ", which had not come yet: what is not yet due is pending" : "");
    }

    /** The cover's "at a glance" figures, by template parameter; each starts with its count (0 = nothing found). */
    static Map<String, Object> glance(RunResult r) {
        ReportContent c = new ReportContent(r);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("G_EPISODES", str(c.episodes.size()));
        g.put("G_CRITICAL", str(c.open(Severity.CRITICAL)));
        g.put("G_HIGH", str(c.open(Severity.HIGH)));
        g.put("G_OTHER", str(c.open(Severity.MEDIUM) + c.open(Severity.LOW) + c.open(Severity.INFO)));
        g.put("G_ACCEPTED", str(c.findings.stream().filter(Finding::accepted).count()));
        Map<String, Set<String>> controls = c.controlRules();
        long failing = controls.keySet().stream().filter(k -> c.openFor(k) > 0).count();
        g.put("G_CONTROLS", failing + "/" + controls.size());
        g.put("G_ROTATION", str(r.facts().rotations().stream().filter(x -> "missing".equals(x.status(c.asOf))).count()));
        g.put("G_NOTIFY", str(c.episodes.stream().mapToLong(e -> c.missingGroups(e).size()).sum()));
        g.put("G_GAPS", str(r.coverage().stream().mapToLong(s -> s.gaps().size()).sum()));
        g.put("G_INPUTS", str(r.inputs().stream().filter(i -> i.error() != null).count()));
        return g;
    }

    private long open(Severity s) {
        return findings.stream().filter(f -> !f.accepted() && f.severity() == s).count();
    }

    private void summary() {
        add(Line.h1("Summary", false));
        add(Line.p(headline(r)));
        if (!r.info().complete()) {
            add(Line.p("EVIDENCE INCOMPLETE — an input could not be read; the conclusions below may miss events."));
            r.info().problems().forEach(p -> add(Line.note(p)));
        }
        add(Line.note("All times are shown in " + d.label() + ", to the second, e.g. " + d.at(asOf)
                + "; evidence.xlsx and the JSON files keep full precision."));
        add(Line.h2("Findings by severity"));
        add(Line.th("n4", "Severity", "Findings", "Open", "Accepted by waiver"));
        for (Severity s : Severity.values()) {
            List<Finding> of = findings.stream().filter(f -> f.severity() == s).toList();
            long accepted = of.stream().filter(Finding::accepted).count();
            long open = of.size() - accepted;
            add(Line.td("n4", open == 0 ? Tone.NONE : tone(s), s.wire(), str(of.size()), str(open), str(accepted)));
        }
        add(Line.h2("Open findings by account"));
        add(Line.th("acc", "Account", "Critical", "High", "Medium", "Low / info", "Total open"));
        Map<String, List<Finding>> byAccount = new TreeMap<>(findings.stream().filter(f -> !f.accepted())
                .collect(Collectors.groupingBy(f -> f.account() == null ? "(log sources)" : f.account())));
        r.config().accounts().forEach(a -> byAccount.putIfAbsent(a.id(), List.of()));
        byAccount.forEach((account, fs) -> add(Line.td("acc", fs.isEmpty() ? Tone.GOOD
                        : tone(fs.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow()),
                account, count(fs, Severity.CRITICAL), count(fs, Severity.HIGH), count(fs, Severity.MEDIUM),
                str(fs.stream().filter(f -> f.severity() == Severity.LOW || f.severity() == Severity.INFO).count()),
                str(fs.size()))));
        add(Line.h2("Episodes by classification"));
        add(Line.th("n4", "Classification", "Episodes", "With open findings", "Share"));
        for (Classification c : Classification.values()) {
            List<Episode> of = episodes.stream().filter(e -> e.classification() == c).toList();
            long withFindings = of.stream().filter(e -> findingsByEpisode.getOrDefault(e.id(), List.of()).stream()
                    .anyMatch(f -> !f.accepted())).count();
            String share = episodes.isEmpty() ? "-" : Math.round(100.0 * of.size() / episodes.size()) + " %";
            Tone tone = c == Classification.UNEXPLAINED && !of.isEmpty() ? Tone.BAD : Tone.NONE;
            add(Line.td("n4", tone, c.wire(), str(of.size()), str(withFindings), share));
        }
        controls();
    }

    private Map<String, Set<String>> controlRules() {
        Map<String, Set<String>> rulesByControl = new TreeMap<>();
        for (RuleMeta m : r.rules()) {
            m.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(m.id()));
        }
        for (Finding f : findings) {
            if (f.controls() != null) {
                f.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(f.rule()));
            }
        }
        return rulesByControl;
    }

    private long openFor(String control) {
        return findings.stream().filter(f -> !f.accepted() && f.controls() != null && f.controls().contains(control))
                .count();
    }

    /** A control fails when any open finding maps to it; every control the rule pack names is listed. */
    private void controls() {
        add(Line.h2("Controls"));
        add(Line.note("A control passes when no open (unwaived) finding of the period maps to it. A failing control "
                + "lists the rules with open findings (and how many); a passing one, the rules that checked it."));
        add(Line.th("ctl", "Status", "Control", "Open", "Rules"));
        controlRules().forEach((control, rules) -> {
            Map<String, Long> openByRule = new TreeMap<>(findings.stream().filter(f -> !f.accepted()
                            && f.controls() != null && f.controls().contains(control))
                    .collect(Collectors.groupingBy(Finding::rule, Collectors.counting())));
            long open = openByRule.values().stream().mapToLong(Long::longValue).sum();
            List<String> shown = open == 0 ? List.copyOf(rules)
                    : openByRule.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            add(Line.td("ctl", open == 0 ? Tone.GOOD : Tone.BAD, open == 0 ? "pass" : "FAIL", control, str(open),
                    pack(shown, 72)));
        });
    }

    private void charts() {
        add(Line.h1("Charts", true));
        DefaultCategoryDataset perMonth = new DefaultCategoryDataset();
        TreeMap<String, TreeMap<String, Integer>> counts = new TreeMap<>();
        for (Episode e : episodes) {
            counts.computeIfAbsent(e.account(), k -> new TreeMap<>()).merge(month(e.start()), 1, Integer::sum);
        }
        // every month of the period, also the quiet ones
        TreeSet<String> months = new TreeSet<>();
        for (YearMonth m = YearMonth.from(r.info().period().from().atZone(ZoneOffset.UTC));
             m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(r.info().period().to()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        counts.values().forEach(m -> months.addAll(m.keySet()));
        counts.forEach((account, m) -> months.forEach(month -> perMonth.addValue(m.getOrDefault(month, 0), account, month)));
        chart(perMonth.getColumnCount() > 0, "Bar chart: episodes per month, stacked by account; the Episodes "
                + "chapter lists each episode.", () -> Charts.stackedCounts("Episodes per month per account", "Month",
                "Episodes", perMonth));
        if (episodes.isEmpty()) {
            add(Line.p("No episode in the period: nothing to chart."));
            return;
        }
        notificationChart();
        rotationChart();
    }

    private String month(Instant t) {
        return YearMonth.from(t.atZone(ZoneOffset.UTC)).toString();
    }

    /** Each required recipient group per episode; a group never notified is a full red "never" bar. */
    private void notificationChart() {
        long limitMin = policy.notifyWithin().toMinutes();
        List<String> groups = policy.notifyRecipients().stream().sorted().toList();
        if (groups.isEmpty()) {
            add(Line.note("The policy names no recipient group to notify."));
            return;
        }
        Comparator<Episode> worst = Comparator.comparingInt((Episode e) -> missingGroups(e).size()).reversed()
                .thenComparing(Comparator.comparingLong(this::maxLatency).reversed());
        List<Episode> shown = worstFirst(episodes, worst, Math.max(1, CHART_BARS / groups.size()));
        List<Bar> bars = new ArrayList<>();
        long never = 0;
        for (Episode e : shown) {
            for (String g : groups) {
                Long secs = latency(e, g);
                if (secs == null) {
                    never++;
                }
                bars.add(secs == null ? new Bar(g, e.id(), null, Charts.RED, "NEVER NOTIFIED")
                        : new Bar(g, e.id(), secs / 60.0, null, String.format(Locale.ROOT, "%.1f min%s",
                        secs / 60.0, secs > policy.notifyWithin().toSeconds() ? " (late)" : "")));
            }
        }
        Map<String, Color> legend = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            legend.put(groups.get(i), Charts.palette(i));
        }
        if (never > 0) {
            legend.put("never notified", Charts.RED);
        }
        chart(true, "Bar chart: minutes from each episode's start to the notification of each recipient group, "
                + "against the limit of " + limitMin + " min; the notification tables give each latency.",
                () -> Charts.barsWithLimit("Notification latency per episode and recipient group", "Episode",
                "Minutes after the episode start", bars, limitMin, "limit " + limitMin + " min", legend));
        add(Line.note(shown.size() < episodes.size()
                ? "The " + shown.size() + " worst of " + episodes.size() + " episodes (never notified first, then the "
                + "slowest); every notification is in evidence.xlsx (Notifications)."
                : "Every episode and required recipient group; a red bar marked NEVER NOTIFIED is a group that was never notified."));
    }

    /** Every credential to rotate; a missing rotation is a full red "never" bar, a pending one grey. */
    private void rotationChart() {
        long rotateH = policy.rotateWithin().toHours();
        List<CredentialRotation> all = r.facts().rotations();
        if (all.isEmpty()) {
            add(Line.note("No credential had to be rotated in the period."));
            return;
        }
        Comparator<CredentialRotation> worst = Comparator.comparingInt((CredentialRotation c) ->
                        List.of("missing", "late", "pending", "done").indexOf(c.status(asOf)))
                .thenComparing(Comparator.comparingLong(this::hoursToRotate).reversed());
        List<CredentialRotation> shown = worstFirst(all, worst, CHART_BARS).stream().sorted(ROTATION_ORDER).toList();
        List<Bar> bars = new ArrayList<>();
        for (CredentialRotation c : shown) {
            String category = c.episode() + " · " + c.credential();
            String status = c.status(asOf);
            Instant end = c.deadline().minus(policy.rotateWithin());
            double hours = (c.rotatedAt() == null ? asOf : c.rotatedAt()).getEpochSecond() / 3600.0
                    - end.getEpochSecond() / 3600.0;
            bars.add(switch (status) {
                case "missing" -> new Bar("rotation", category, null, Charts.RED, "NEVER ROTATED");
                case "pending" -> new Bar("rotation", category, hours, Charts.GREY,
                        String.format(Locale.ROOT, "pending, %.1f h so far", hours));
                case "late" -> new Bar("rotation", category, hours, Charts.ORANGE, String.format(Locale.ROOT, "%.1f h (late)", hours));
                default -> new Bar("rotation", category, hours, Charts.palette(0), String.format(Locale.ROOT, "%.1f h", hours));
            });
        }
        chart(true, "Bar chart: hours from each episode's end to the rotation of each credential, against the "
                + rotateH + " h deadline; the rotation tables give each time.", () -> Charts.barsWithLimit("Time to rotate per credential", "Episode · credential",
                "Hours after the episode end", bars, rotateH, "deadline " + rotateH + " h",
                Charts.legend("done", Charts.palette(0), "late", Charts.ORANGE, "never rotated", Charts.RED,
                        "pending (deadline after the period end)", Charts.GREY)));
        add(Line.note(shown.size() < all.size()
                ? "The " + shown.size() + " worst of " + all.size() + " credentials (never rotated first); all are in "
                + "the Rotation status section."
                : "Every credential to rotate; a red bar marked NEVER ROTATED was not rotated by its deadline."));
    }

    private long hoursToRotate(CredentialRotation c) {
        return (c.rotatedAt() == null ? asOf : c.rotatedAt()).getEpochSecond() - c.deadline().getEpochSecond();
    }

    /** The {@code n} worst items by {@code worst}, in their original order. */
    private static <T> List<T> worstFirst(List<T> items, Comparator<T> worst, int n) {
        if (items.size() <= n) {
            return items;
        }
        Set<T> keep = items.stream().sorted(worst).limit(n).collect(Collectors.toCollection(
                () -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        return items.stream().filter(keep::contains).toList();
    }

    private Long latency(Episode e, String group) {
        if (e.notifications() == null) {
            return null;
        }
        return e.notifications().entrySet().stream().filter(n -> n.getKey() != null && n.getKey().equalsIgnoreCase(group))
                .map(Map.Entry::getValue).min(Comparator.naturalOrder()).orElse(null);
    }

    private List<String> missingGroups(Episode e) {
        return policy.notifyRecipients().stream().filter(g -> latency(e, g) == null).sorted().toList();
    }

    private long maxLatency(Episode e) {
        return e.notifications() == null ? 0 : e.notifications().values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private void chart(boolean any, String alt, Supplier<byte[]> png) {
        if (any) {
            add(Line.image(alt, png.get()));
        }
    }

    private void episodeTable() {
        add(Line.h1("Episodes", true));
        if (episodes.isEmpty()) {
            add(Line.p("None: no break-glass episode started in the period."));
            return;
        }
        add(Line.note("The episode's colour is that of its most severe open finding; green: none."));
        add(Line.th("ep", "Episode · classification", "Start · end (" + d.label() + ") · duration", "Approved by",
                "Custodians (shares released)", "Open findings"));
        for (Episode e : episodes) {
            List<Finding> open = findingsByEpisode.getOrDefault(e.id(), List.of()).stream().filter(f -> !f.accepted()).toList();
            Tone tone = open.stream().map(Finding::severity).min(Comparator.naturalOrder()).map(ReportContent::tone)
                    .orElse(Tone.GOOD);
            String rules = open.stream().map(Finding::rule).distinct().collect(Collectors.joining("\n"));
            EpisodeStatus status = EpisodeStatus.of(r.facts(), e);
            add(Line.td("ep", tone, e.id() + "\n" + e.classification().wire() + " · " + status.state()
                            + (status.carriedOver() ? " · carried over" : ""),
                    d.at(e.start()) + "\n" + d.at(e.end()) + "\n" + Fmt.duration(e.durationSeconds()),
                    lines(e.approvals()), lines(e.custodians()), rules.isEmpty() ? "none" : rules));
        }
    }

    /**
     * Episodes whose verdict is not final at the period end, and those carried over from the previous
     * period: when each settles and what it still owes, by when. Nothing owed is a finding yet.
     */
    private void openEpisodes() {
        List<Episode> shown = episodes.stream().filter(e -> {
            EpisodeStatus s = EpisodeStatus.of(r.facts(), e);
            return s.carriedOver() || !"settled".equals(s.state());
        }).toList();
        if (shown.isEmpty()) {
            return;
        }
        add(Line.h2("Open, ongoing and carried-over episodes"));
        add(Line.note("Open: late evidence still counts until the episode settles; what it still owes is not a "
                + "finding until its verdict is certain. Carried over: started before the period, not settled at its start."));
        // the waiver table's four-column layout (wide first and last columns) fits these rows as well
        add(Line.th("wv", "Episode", "State", "Settles (" + d.label() + ")", "Still owed · due (" + d.label() + ")"));
        for (Episode e : shown) {
            EpisodeStatus s = EpisodeStatus.of(r.facts(), e);
            String owed = s.owed().stream().map(o -> o.what() + " · " + d.at(o.due()))
                    .collect(Collectors.joining("\n"));
            add(Line.td("wv", s.owed().isEmpty() ? Tone.NONE : Tone.WARN, e.id(),
                    s.state() + (s.carriedOver() ? "\ncarried over" : ""), d.at(s.settlesAt()),
                    owed.isEmpty() ? "nothing" : owed));
        }
    }

    private static String lines(List<String> people) {
        return people == null || people.isEmpty() ? "none" : String.join("\n", people);
    }

    private void findingTable() {
        add(Line.h1("Findings", true));
        if (findings.isEmpty()) {
            add(Line.p("None: no rule fired in the period."));
            return;
        }
        add(Line.th("fd", "Severity", "Rule · at (" + d.label() + ")", "Account · episode", "Message · evidence"));
        for (Finding f : findings) {
            add(Line.td("fd", f.accepted() ? Tone.MUTED : tone(f.severity()),
                    f.severity().wire() + (f.accepted() ? "\naccepted" : ""), f.rule() + "\n" + d.at(f.at()),
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
            b.append("\nEvidence: ").append(Display.refs(f.evidence()));
        }
        return b.toString();
    }

    private record Event(Instant time, String what, String who, String detail, Tone tone) {
    }

    private void episodeDetails() {
        if (episodes.isEmpty()) {
            return;
        }
        add(Line.h1("Episode details", true));
        add(Line.note("Each episode's timeline runs from the first credential share released to the last rotation; "
                + "T+ is the time from the episode's first activity. Red: a missing or failed control; orange: late."));
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
            add(Line.kv("Account · classification", e.account() + " · " + e.classification().wire()));
            add(Line.kv("Start · end", d.at(e.start()) + "  to  " + d.at(e.end()) + "  (" + Fmt.duration(e.durationSeconds()) + ")"));
            add(Line.kv("Incident", e.incident() == null ? "none referenced" : e.incident()));
            add(Line.kv("Actors", Fmt.join(e.actors())));
            add(Line.kv("Approved by", e.approvals().isEmpty() ? "none" : Fmt.join(e.approvals())));
            add(Line.kv("Custodians", e.custodians().isEmpty() ? "none" : Fmt.join(e.custodians())));
            add(Line.kv("Sources · actions", Fmt.join(e.sources()) + " · " + e.actions() + " action(s)"));
            List<Event> timeline = new ArrayList<>();
            for (Custody c : forEpisode(custody, e)) {
                timeline.add(new Event(c.time(), "credential share released", c.custodian(), "share " + Fmt.nz(c.share())
                        + "\n" + Display.ref(c.evidence()), Tone.NONE));
            }
            for (Approval a : forEpisode(approvals, e)) {
                timeline.add(new Event(a.time(), a.late() ? "approval (LATE)" : "approval", a.approver(),
                        "incident " + (a.incident() == null ? "none" : a.incident()) + "\n" + Display.ref(a.evidence()),
                        a.late() ? Tone.WARN : Tone.GOOD));
            }
            if (forEpisode(approvals, e).isEmpty()) {
                timeline.add(new Event(e.start(), "NO APPROVAL found", "", "", Tone.BAD));
            }
            timeline.add(new Event(e.start(), "first activity", Fmt.join(e.actors()), Display.ref(e.first()), Tone.NONE));
            timeline.add(new Event(e.end(), "last activity", "", Display.ref(e.last()), Tone.NONE));
            for (Authentication a : forEpisode(auths, e)) {
                timeline.add(new Event(a.time(), a.success() ? "sign-in" : "failed sign-in", a.actor(),
                        "MFA " + Fmt.nz(a.mfa()) + (a.federated() ? " · federated SSO" : "") + "\n" + Display.ref(a.evidence()),
                        a.success() ? Tone.NONE : Tone.WARN));
            }
            for (Notification n : forEpisode(notes, e)) {
                boolean late = n.latencySeconds() > policy.notifyWithin().toSeconds();
                timeline.add(new Event(n.time(), "notified" + (late ? " (LATE)" : ""), n.recipient(),
                        "after " + Fmt.duration(n.latencySeconds()) + "\n" + Display.ref(n.evidence()),
                        late ? Tone.WARN : Tone.GOOD));
            }
            for (String g : missingGroups(e)) {
                timeline.add(new Event(e.start().plus(policy.notifyWithin()), "NEVER NOTIFIED (was due)", g,
                        "no notification of this group was found", Tone.BAD));
            }
            for (CredentialRotation c : forEpisode(rotations, e)) {
                String status = c.status(asOf);
                timeline.add(c.rotatedAt() != null
                        ? new Event(c.rotatedAt(), "rotated " + c.credential() + " (" + status + ")", "",
                        Display.ref(c.evidence()), "late".equals(status) ? Tone.WARN : Tone.GOOD)
                        : new Event(c.deadline(), "rotation of " + c.credential() + " due: "
                        + ("missing".equals(status) ? "NEVER ROTATED" : "pending"), "", "",
                        "missing".equals(status) ? Tone.BAD : Tone.MUTED));
            }
            for (PersistentAccess p : forEpisode(access, e)) {
                timeline.add(new Event(p.created(), "created " + p.kind(), Fmt.nz(p.object()), Display.ref(p.evidence()),
                        p.removed() == null ? Tone.BAD : Tone.WARN));
                if (p.removed() != null) {
                    timeline.add(new Event(p.removed(), "removed " + p.kind(), Fmt.nz(p.object()), "", Tone.GOOD));
                }
            }
            timeline.sort(Comparator.comparing(Event::time).thenComparing(Event::what).thenComparing(Event::who));
            add(Line.th("tl", "T+", "Time (" + d.label() + ")", "Event", "Who", "Detail · evidence"));
            timeline.forEach(t -> add(Line.td("tl", t.tone(), Display.offset(e.start(), t.time()), d.at(t.time()),
                    t.what(), t.who(), t.detail())));
            List<Finding> fs = findingsByEpisode.getOrDefault(e.id(), List.of());
            if (fs.isEmpty()) {
                add(Line.note("Findings: none for this episode."));
            } else {
                add(Line.th("ef", "Severity", "Rule", "Message · evidence"));
                fs.forEach(f -> add(Line.td("ef", f.accepted() ? Tone.MUTED : tone(f.severity()),
                        f.severity().wire() + (f.accepted() ? "\naccepted" : ""), f.rule(), describe(f))));
            }
        }
    }

    private static <T> List<T> forEpisode(Map<String, List<T>> map, Episode e) {
        return map.getOrDefault(e.id(), List.of());
    }

    private static final Comparator<CredentialRotation> ROTATION_ORDER = Comparator.comparing(CredentialRotation::deadline)
            .thenComparing(CredentialRotation::episode).thenComparing(CredentialRotation::credential);

    private void rotations() {
        add(Line.h1("Rotation status", true));
        add(Line.note("As of " + d.at(asOf) + ": done = rotated by the deadline; late = rotated after it; pending = "
                + "deadline not reached; missing = deadline passed without rotation."));
        if (r.facts().rotations().isEmpty()) {
            add(Line.p("None: no credential had to be rotated."));
            return;
        }
        add(Line.th("rot", "Status", "Episode", "Credential", "Deadline", "Rotated at", "Evidence"));
        r.facts().rotations().stream().sorted(ROTATION_ORDER).forEach(c -> {
            String status = c.status(asOf);
            add(Line.td("rot", rotationTone(status), status, c.episode(), c.credential(), d.at(c.deadline()),
                    c.rotatedAt() == null ? NEVER : d.at(c.rotatedAt()), Display.ref(c.evidence())));
        });
    }

    private static Tone rotationTone(String status) {
        return switch (status) {
            case "missing" -> Tone.BAD;
            case "late" -> Tone.WARN;
            case "done" -> Tone.GOOD;
            default -> Tone.MUTED;
        };
    }

    private void program() {
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
        r.facts().programEvents().stream().sorted(Comparator.comparing(ProgramEvent::time)
                        .thenComparing(ProgramEvent::account).thenComparing(ProgramEvent::kind))
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

    private void coverage() {
        add(Line.h1("Log coverage", true));
        add(Line.note("A source silent for longer than " + Fmt.duration(policy.logGap().toSeconds())
                + " inside the period cannot attest that nothing happened."));
        List<SourceCoverage> sorted = r.coverage().stream().sorted(Comparator.comparing(SourceCoverage::source)).toList();
        if (sorted.isEmpty()) {
            add(Line.p("None: no source is configured."));
            return;
        }
        add(Line.th("cov", "Status", "Source", "Events", "First", "Last", "Gaps", "Longest gap"));
        for (SourceCoverage c : sorted) {
            long longest = c.gaps().stream().mapToLong(CoverageGap::seconds).max().orElse(0);
            Tone tone = c.events() == 0 ? Tone.BAD : c.gaps().isEmpty() ? Tone.GOOD : Tone.WARN;
            add(Line.td("cov", tone, c.events() == 0 ? "silent" : c.gaps().isEmpty() ? "ok" : "gaps", c.source(),
                    num(c.events()), d.at(c.first()), d.at(c.last()), str(c.gaps().size()),
                    longest == 0 ? "-" : Fmt.duration(longest)));
        }
        add(Line.h2("Gaps"));
        if (sorted.stream().allMatch(c -> c.gaps().isEmpty())) {
            add(Line.p("None."));
            return;
        }
        add(Line.th("gap", "Source", "From", "To", "Length"));
        sorted.forEach(c -> c.gaps().forEach(g -> add(Line.td("gap", Tone.NONE, c.source(), d.at(g.from()),
                d.at(g.to()), Fmt.duration(g.seconds())))));
    }

    private void waivers() {
        add(Line.h1("Accepted exceptions (waivers)", true));
        List<Finding> accepted = findings.stream().filter(Finding::accepted).toList();
        if (accepted.isEmpty()) {
            add(Line.p("None: no finding was accepted by a waiver."));
        } else {
            add(Line.th("wv", "Rule · episode", "Account or source", "Waived until · by", "Reason"));
            accepted.forEach(f -> add(Line.td("wv", Tone.MUTED, f.rule() + "\n" + Fmt.nz(f.episode()), f.waiver().subject(),
                    f.waiver().until() + "\n" + Fmt.nz(f.waiver().approvedBy()), f.waiver().reason())));
        }
        waiverList("Waivers that matched no finding", r.evaluation().unusedWaivers());
        waiverList("Expired waivers (no longer applied)", r.evaluation().expiredWaivers());
    }

    private void waiverList(String title, List<Waiver> ws) {
        add(Line.h2(title));
        if (ws.isEmpty()) {
            add(Line.p("None."));
            return;
        }
        add(Line.th("wv", "Rule", "Account or source", "Until · by", "Reason"));
        ws.forEach(w -> add(Line.td("wv", Tone.NONE, w.rule(), w.subject(), w.until() + "\n" + Fmt.nz(w.approvedBy()),
                w.reason())));
    }

    /** Per source totals; only the files with a problem are listed (all files, with hashes, are in the xlsx and run.json). */
    private void inputs() {
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
                .sorted(RunJsonRenderer.INPUT_ORDER).toList();
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

    private void add(Line l) {
        if (l.getNewPage()) {
            chapter++;
        }
        if ("h1".equals(l.getKind()) || "h2".equals(l.getKind())) {
            section++;
        }
        lines.add(l.in(chapter, section));
    }

    private static Tone tone(Severity s) {
        return switch (s) {
            case CRITICAL -> Tone.BAD;
            case HIGH, MEDIUM -> Tone.WARN;
            default -> Tone.MUTED;
        };
    }

    /** Joins items with ", " into lines of at most {@code width} characters, so an item never breaks inside. */
    static String pack(List<String> items, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String item : items) {
            if (line > 0 && line + 2 + item.length() > width) {
                out.append(",\n");
                line = 0;
            } else if (line > 0) {
                out.append(", ");
                line += 2;
            }
            out.append(item);
            line += item.length();
        }
        return out.toString();
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

    /** With thousands separators, for the large counts of the inputs table. */
    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
