package io.sealwatch.cli.watch;

import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.AlertKind;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.engine.ingest.ListedFile;
import io.sealwatch.model.Episode;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The alerts one judgement implies, derived from it alone: an id depends only on what the alert is
 * about, so every judgement derives the same alerts again and the outbox keeps each id once — a restart
 * needs no memory beyond the sink's. Severity: a use starting is news (critical); a finding keeps its
 * rule's severity; a passed deadline, a silent source and an unreadable input are high.
 */
final class AlertDerivation {
    /** A pending deadline passed: a warning ahead of the finding that settlement may bring. */
    static final Severity DEADLINE = Severity.HIGH;

    private AlertDerivation() {
    }

    /**
     * What one judgement implies.
     *
     * @param send     alerts to post
     * @param recorded alerts about things older than the service's memory reaches (first start − log-gap):
     *                 shown, not posted, so a first start on a quarter of history pages nobody for old news
     */
    record Derived(List<Alert> send, List<Alert> recorded) {
    }

    /**
     * @param listing     the files as listed for this judgement, by path (for an unreadable file's size and time)
     * @param listProblems the listing's problems: a source without files, a folder that could not be walked
     * @param quietBefore things whose time is before this are recorded, not sent
     * @param page        the status page's address, e.g. {@code http://127.0.0.1:8787/}
     */
    static Derived derive(RunResult result, Instant now, Map<String, ListedFile> listing, List<String> listProblems,
                          Instant quietBefore, String page) {
        List<Alert> all = new ArrayList<>();
        Policy policy = result.config().policy();
        for (Episode e : result.facts().episodes()) {
            String url = page + "#" + e.id();
            all.add(new Alert(Alert.id(AlertKind.EPISODE_STARTED, e.id()), AlertKind.EPISODE_STARTED, Severity.CRITICAL,
                    e.account(), e.id(), null, e.start(), now, "Break-glass account " + e.account() + " became active at "
                    + e.start() + " (" + String.join(", ", e.sources()) + "; by " + String.join(", ", e.actors()) + ")",
                    url));
            EpisodeStatus status = result.views().status(e);
            for (EpisodeStatus.Owed owed : status.owed()) {
                if (!owed.due().isAfter(now)) {
                    all.add(deadline(e, owed.what(), owed.rule(), owed.due(), now, url));
                }
            }
            Duration limit = result.config().account(e.account()).map(AccountSpec::maxSession).orElse(null);
            if ("ongoing".equals(status.state()) && limit != null && !e.start().plus(limit).isAfter(now)) {
                all.add(deadline(e, "end of use (max-session " + limit + ")", "BG-TTL-EXCEEDED", e.start().plus(limit),
                        now, url));
            }
        }
        Instant periodStart = result.info().period().from();
        for (Finding f : result.evaluation().findings()) {
            if (f.accepted()) {
                continue;
            }
            // a standing condition is dated at the period end, i.e. now: it is one alert per period while it lasts
            boolean standing = f.at().equals(result.info().period().to());
            String id = Alert.id(AlertKind.FINDING, f.rule(), f.account(), f.source(), f.episode(),
                    String.valueOf(standing ? periodStart : f.at()),
                    // a silence's message grows with it; the source and its start identify it
                    standing || f.source() != null ? "" : f.message());
            all.add(new Alert(id, AlertKind.FINDING, f.severity(), f.account(), f.episode(), f.rule(), f.at(), now,
                    f.message(), f.episode() == null ? page + "#findings" : page + "#" + f.episode()));
        }
        for (SourceCoverage c : result.coverage()) {
            Instant since = silentSince(c, result.info().period());
            if (since != null) {
                all.add(new Alert(Alert.id(AlertKind.SOURCE_SILENT, c.source(), since.toString()), AlertKind.SOURCE_SILENT,
                        Severity.HIGH, null, null, null, since.plus(policy.logGap()), now, "Source " + c.source()
                        + " has no events since " + (since.equals(periodStart) ? "the period start, " : "") + since
                        + " (log-gap " + policy.logGap() + "): a break-glass use there would not be seen",
                        page + "#sources"));
            }
        }
        for (InputFileStats in : result.inputs()) {
            if (in.error() != null) {
                ListedFile f = listing.get(in.path());
                long size = f == null ? in.bytes() : f.size();
                long modified = f == null ? -1 : f.modified();
                all.add(new Alert(Alert.id(AlertKind.INPUT_ERROR, in.path(), Long.toString(size), Long.toString(modified)),
                        AlertKind.INPUT_ERROR, Severity.HIGH, null, null, null, modified < 0 ? now : Instant.ofEpochMilli(modified),
                        now, in.path() + " (" + in.source() + ") could not be read: " + in.error(), page + "#sources"));
            }
        }
        for (String problem : listProblems) {
            all.add(inputProblem(problem, periodStart, now, page));
        }
        all.sort(Comparator.comparing(Alert::at).thenComparing(a -> a.id()));
        List<Alert> send = new ArrayList<>();
        List<Alert> recorded = new ArrayList<>();
        all.forEach(a -> (a.at().isBefore(quietBefore) ? recorded : send).add(a));
        return new Derived(List.copyOf(send), List.copyOf(recorded));
    }

    /**
     * Since when a source has been silent for longer than log-gap up to the judged moment (its newest event
     * before it, or the period start), or null: the silence is the coverage gap that ends at the period end,
     * the one {@code BG-LOG-GAP} reports.
     */
    static Instant silentSince(SourceCoverage c, Period period) {
        return c.gaps().stream().filter(g -> g.to().equals(period.to())).map(CoverageGap::from).findFirst()
                .orElse(null);
    }

    /**
     * The newest event before the judged moment, or null when the period has none; a file may hold later
     * events (they are not judged), so a source that is not silent counts as current when its newest is later.
     */
    static Instant lastEvent(SourceCoverage c, Period period) {
        Instant silent = silentSince(c, period);
        if (silent != null) {
            return silent.equals(period.from()) ? null : silent;   // none in the period: when before it is not known
        }
        return c.last() == null || c.last().isAfter(period.to()) ? period.to() : c.last();
    }

    /**
     * A problem of the inputs that is no file of the judgement: a source without files, a folder or file
     * system that could not be listed. One alert per problem and quarter, dated when it was seen.
     */
    static Alert inputProblem(String problem, Instant periodStart, Instant now, String page) {
        return new Alert(Alert.id(AlertKind.INPUT_ERROR, problem, periodStart.toString()), AlertKind.INPUT_ERROR,
                Severity.HIGH, null, null, null, now, now, problem, page + "#sources");
    }

    private static Alert deadline(Episode e, String what, String rule, Instant due, Instant now, String url) {
        return new Alert(Alert.id(AlertKind.DEADLINE_PASSED, e.id(), what), AlertKind.DEADLINE_PASSED, DEADLINE,
                e.account(), e.id(), rule, due, now, e.id() + ": " + what + " was due at " + due
                + " and nothing is recorded", url);
    }
}
