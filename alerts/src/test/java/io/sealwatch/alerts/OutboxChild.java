package io.sealwatch.alerts;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.model.Severity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The process {@link OutboxKillTest} kills: opens the outbox in {@code args[0]} with one webhook sink at
 * {@code args[1]}, posts alerts 0 … {@code args[2]}−1 (known ones change nothing, as when the service raises them
 * again after a restart), says "idle" once nothing is pending, and waits to be killed.
 */
public final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        Outbox outbox = Outbox.open(Path.of(args[0]), List.of(AlertsTesting.webhook(URI.create(args[1]), null,
                Severity.INFO)), Map.<String, String>of()::get, Clock.systemUTC(), new PrometheusRegistry(),
                AlertsTesting.FAST);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            outbox.post(AlertsTesting.alert(i, Severity.HIGH));
            System.out.println("posted " + i);
        }
        AlertsTesting.until("nothing pending", () -> outbox.deliveries().stream()
                .noneMatch(d -> d.state() == DeliveryState.State.PENDING));
        System.out.println("idle");
        Thread.sleep(Long.MAX_VALUE);
    }
}
