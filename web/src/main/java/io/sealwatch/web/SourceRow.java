package io.sealwatch.web;

import java.time.Duration;
import java.time.Instant;

/**
 * One configured source as the service follows it.
 *
 * @param type        the source type, e.g. {@code aws-cloudtrail}
 * @param path        the configured glob or URI
 * @param files       files read so far
 * @param records     records read so far
 * @param lastFileAt  when a new or grown file was last seen, or null
 * @param lastEventAt the time of the newest event read, or null
 * @param lag         how far the newest event lies behind the service's clock, or null when none was read
 * @param silent      true when the source has been silent for longer than {@code log-gap}
 * @param lastError   the last listing or reading error, or null
 */
public record SourceRow(String type, String path, long files, long records, Instant lastFileAt, Instant lastEventAt,
                        Duration lag, boolean silent, String lastError) {
}
