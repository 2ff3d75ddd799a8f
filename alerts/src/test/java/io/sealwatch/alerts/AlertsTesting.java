package io.sealwatch.alerts;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.sealwatch.config.AlertSpec;
import io.sealwatch.model.Severity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Alerts, sink specs and waits for the outbox tests. */
public final class AlertsTesting {
    /** Retries in milliseconds, given up after a minute: the schedule of production, shrunk. */
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMinutes(1));
    static final Instant T = Instant.parse("2026-07-01T09:00:00Z");

    private AlertsTesting() {
    }

    public static Alert alert(int i, Severity severity) {
        return new Alert(Alert.id(AlertKind.EPISODE_STARTED, "ep-" + i), AlertKind.EPISODE_STARTED, severity,
                "aws-root-breakglass", "ep-" + i, null, T.plusSeconds(i), T.plusSeconds(i + 30),
                "break-glass account aws-root-breakglass became active (" + i + ")", null);
    }

    public static AlertSpec webhook(URI url, String secretEnv, Severity min) {
        return new AlertSpec("webhook", min, url.toString(), null, secretEnv, null, null, 0, false, null, null, null,
                null, 7);
    }

    /** Waits until {@code condition} holds, failing after a minute; never a measure of how long it took. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not: " + what);
            }
            Thread.sleep(5);
        }
    }

    static List<DeliveryState> of(Outbox outbox, String sink) {
        return outbox.deliveries().stream().filter(d -> d.sink().equals(sink)).toList();
    }

    /** The value of a series with {@code sink} label; the counter's name without {@code _total}. */
    static double metric(PrometheusRegistry registry, String name, String sink) {
        for (MetricSnapshot s : registry.scrape()) {
            if (!s.getMetadata().getName().equals(name)) {
                continue;
            }
            for (DataPointSnapshot p : s.getDataPoints()) {
                if (sink.equals(p.getLabels().get("sink"))) {
                    return p instanceof CounterSnapshot.CounterDataPointSnapshot c ? c.getValue()
                            : ((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue();
                }
            }
        }
        return fail("no series " + name + "{sink=" + sink + "}");
    }
}
