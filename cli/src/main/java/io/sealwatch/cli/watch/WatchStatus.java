package io.sealwatch.cli.watch;

import io.sealwatch.result.RunResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the status page shows, as of one moment: the latest judgement, each source's freshness, the alerts.
 *
 * @param result   the latest judgement, or null before the first
 * @param recorded alerts about history older than the first start (shown, never sent)
 * @param problem  why the service is not healthy, or null
 */
public record WatchStatus(RunResult result, Instant now, Instant judgedAt, List<Source> sources,
                          List<WatchAlert> sent, List<WatchAlert> recorded, boolean healthy, String problem) {

    /**
     * One configured source's freshness.
     *
     * @param path        the configured glob or URI
     * @param lastFileAt  the latest modification time among its files, or null
     * @param lastEventAt the latest event read (relevant or not), or null (always for evidence)
     * @param lag         from the newest event to now, or null without events
     * @param silent      silent for longer than {@code log-gap}
     * @param lastError   a listing problem or an unreadable file of this source, or null
     */
    public record Source(String type, String path, long files, long records, Instant lastFileAt, Instant lastEventAt,
                         Duration lag, boolean silent, String lastError) {
    }
}
