package io.sealwatch.cli.watch;

import io.sealwatch.result.RunResult;

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
     * @param newestEvent the latest event read (relevant or not), or null
     * @param newestFile  the latest modification time among its files, or null
     * @param lagSeconds  seconds from the newest event to now, or -1 without events
     */
    public record Source(String source, int files, long records, Instant newestEvent, Instant newestFile,
                         long lagSeconds) {
    }
}
