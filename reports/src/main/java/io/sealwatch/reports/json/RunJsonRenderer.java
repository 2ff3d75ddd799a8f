package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Severity;
import io.sealwatch.model.Stage;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/** {@code run.json}: what an operator needs: inputs and their accounting, hashes, period, timings. */
public final class RunJsonRenderer extends OneFileRenderer {

    public static final String NAME = "run-json";
    public static final String FILE = "run.json";

    public RunJsonRenderer() {
        super(NAME, FILE);
    }

    @Override
    public void render(RunResult result, Path dir) throws IOException {
        RunInfo info = result.info();
        ObjectNode o = Json.object();
        o.put("organization", info.organization());
        o.put("engineVersion", info.engineVersion());
        ObjectNode period = o.putObject("period");
        Json.put(period, "from", info.period().from());
        Json.put(period, "to", info.period().to());
        Json.put(o, "asOf", info.period().asOf());
        if (info.clamped()) {
            // the period asked for ended after the run: judged up to the time of the run instead
            Json.put(o, "requestedTo", info.requestedTo());
        }
        o.put("configSha256", info.configSha256());
        o.put("rulePackSha256", info.rulePackSha256());
        o.put("complete", info.complete());
        o.set("problems", Json.strings(info.problems()));
        o.put("signed", info.signed());

        ArrayNode inputs = o.putArray("inputs");
        long read = 0, normalised = 0, notRelevant = 0, quarantined = 0, dups = 0, bytes = 0;
        for (InputFileStats s : result.inputs().stream().sorted(InputFileStats.ORDER).toList()) {
            ObjectNode i = inputs.addObject();
            i.put("source", s.source());
            i.put("path", s.path());
            i.put("sha256", s.sha256());
            i.put("bytes", s.bytes());
            i.put("read", s.read());
            i.put("normalised", s.normalised());
            i.put("notRelevant", s.notRelevant());
            i.put("quarantined", s.quarantined());
            i.put("duplicates", s.duplicates());
            i.put("error", s.error());
            read += s.read();
            normalised += s.normalised();
            notRelevant += s.notRelevant();
            quarantined += s.quarantined();
            dups += s.duplicates();
            bytes += s.bytes();
        }
        ObjectNode totals = o.putObject("totals");
        totals.put("files", result.inputs().size());
        totals.put("bytes", bytes);
        totals.put("read", read);
        totals.put("normalised", normalised);
        totals.put("notRelevant", notRelevant);
        totals.put("quarantined", quarantined);
        totals.put("duplicates", dups);
        totals.put("episodes", result.facts().episodes().size());
        totals.put("findings", result.evaluation().findings().size());
        ObjectNode bySeverity = totals.putObject("findingsBySeverity");
        for (Severity sev : Severity.values()) {
            bySeverity.put(sev.wire(), result.evaluation().findings().stream().filter(f -> f.severity() == sev).count());
        }
        totals.put("accepted", result.evaluation().findings().stream().filter(Finding::accepted).count());
        o.put("duplicates", result.duplicates());

        ArrayNode coverage = o.putArray("coverage");
        for (SourceCoverage c : result.coverage().stream().sorted(SourceCoverage.ORDER).toList()) {
            ObjectNode s = coverage.addObject();
            s.put("source", c.source());
            s.put("events", c.events());
            Json.put(s, "first", c.first());
            Json.put(s, "last", c.last());
            ArrayNode gaps = s.putArray("gaps");
            for (CoverageGap g : c.gaps()) {
                ObjectNode gn = gaps.addObject();
                Json.put(gn, "from", g.from());
                Json.put(gn, "to", g.to());
                gn.put("seconds", g.seconds());
            }
        }

        ObjectNode timings = o.putObject("timings");
        result.timingsMillis().entrySet().stream().sorted(TIMING_ORDER)
                .forEach(e -> timings.put(e.getKey(), e.getValue()));

        ObjectNode waivers = o.putObject("waivers");
        ArrayNode unused = waivers.putArray("unused");
        result.evaluation().unusedWaivers().forEach(w -> unused.add(FindingsJsonRenderer.waiver(w)));
        ArrayNode expired = waivers.putArray("expired");
        result.evaluation().expiredWaivers().forEach(w -> expired.add(FindingsJsonRenderer.waiver(w)));
        Json.writePretty(o, dir.resolve(FILE));
    }

    /** Stage names in stage order, anything else after them by name. */
    private static final Comparator<Map.Entry<String, Long>> TIMING_ORDER = Comparator
            .comparingInt((Map.Entry<String, Long> e) -> stageIndex(e.getKey()))
            .thenComparing(Map.Entry::getKey);

    private static int stageIndex(String name) {
        for (Stage s : Stage.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s.ordinal();
            }
        }
        return Stage.values().length;
    }
}
