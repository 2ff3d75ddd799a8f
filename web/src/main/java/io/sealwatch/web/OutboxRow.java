package io.sealwatch.web;

import java.time.Instant;

/**
 * One alert's delivery to one sink, as the durable outbox holds it.
 *
 * @param state       e.g. {@code pending}, {@code delivered}, {@code failed}: the outbox's own words
 * @param attempts    delivery attempts so far
 * @param lastAttempt the last attempt, or null before the first
 * @param lastError   why the last attempt failed, or null
 * @param nextAttempt when the next attempt is due, or null when none will be made
 */
public record OutboxRow(String alertId, String kind, String severity, String sink, String state, int attempts,
                        Instant lastAttempt, String lastError, Instant nextAttempt) {
}
