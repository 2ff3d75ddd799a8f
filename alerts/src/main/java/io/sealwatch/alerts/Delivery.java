package io.sealwatch.alerts;

import io.sealwatch.alerts.DeliveryState.State;

import java.time.Instant;

/** One alert towards one sink: the mutable twin of {@link DeliveryState}, guarded by the outbox's lock. */
final class Delivery {
    final Alert alert;
    final String sink;
    /** Post order, so that deliveries due at the same moment go out oldest first. */
    final long seq;
    State state = State.PENDING;
    int attempts;
    Instant first;
    Instant last;
    String lastError;
    Instant next;

    Delivery(Alert alert, String sink, long seq) {
        this.alert = alert;
        this.sink = sink;
        this.seq = seq;
    }

    void attempted(Instant at, String error) {
        attempts++;
        if (first == null) {
            first = at;
        }
        last = at;
        lastError = error;
    }

    DeliveryState snapshot() {
        return new DeliveryState(alert.id(), alert.kind(), alert.severity(), sink, state, attempts, last, lastError,
                state == State.PENDING ? next : null);
    }
}
