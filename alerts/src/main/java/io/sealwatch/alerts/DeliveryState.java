package io.sealwatch.alerts;

import io.sealwatch.model.Severity;

import java.time.Instant;

/**
 * Where one alert stands towards one sink, for the status page.
 *
 * @param sink        the sink's name, {@code AlertSpec.name(index)}, e.g. {@code webhook-0}
 * @param attempts    delivery attempts so far, failed and successful
 * @param lastAttempt when the last attempt started, or null before the first
 * @param lastError   why the last attempt failed (no secret, no URL), or null
 * @param nextAttempt when the next attempt is due while {@link State#PENDING}, else null
 */
public record DeliveryState(String alertId, AlertKind kind, Severity severity, String sink, State state, int attempts,
                            Instant lastAttempt, String lastError, Instant nextAttempt) {
    public enum State { PENDING, DELIVERED, GAVE_UP }
}
