package io.sealwatch.web;

import java.time.Instant;

/**
 * One alert as the sinks receive it (the contract's alert JSON).
 *
 * @param id         stable: the same alert always has the same id, the deduplication key towards every sink
 * @param kind       {@code episode-started}, {@code finding}, {@code deadline-passed}, {@code source-silent} or
 *                   {@code input-error}
 * @param at         when what the alert reports happened or became certain
 * @param detectedAt when the service saw it
 * @param url        where the status page shows it ({@code …/#<episode id>} for an episode)
 */
public record AlertRow(String id, String kind, String severity, String account, String episode, String rule,
                       Instant at, Instant detectedAt, String message, String url) {
}
