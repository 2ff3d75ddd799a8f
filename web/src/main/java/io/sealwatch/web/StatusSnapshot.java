package io.sealwatch.web;

import io.sealwatch.result.RunResult;

import java.time.Instant;
import java.util.List;

/**
 * What the service knows at one moment, as the status page and the API show it.
 *
 * @param result   the latest judgement (episodes, findings, config), or null before the first
 * @param now      the service's clock at the snapshot: countdowns run against it
 * @param judgedAt when {@code result} was judged, or null before the first judgement
 * @param healthy  false when the service cannot do its work (its state cannot be written, judging fails)
 * @param problem  why it is not healthy, one sentence; null when healthy
 */
public record StatusSnapshot(RunResult result, Instant now, Instant judgedAt, List<SourceRow> sources,
                             List<AlertRow> alerts, List<OutboxRow> outbox, boolean healthy, String problem) {

    public StatusSnapshot {
        if (now == null) {
            throw new IllegalArgumentException("a status snapshot needs the service's clock (now)");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }
}
