package io.sealwatch.alerts;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.Collection;

/**
 * The outbox's series in {@code /metrics}, per sink; unregistered on close, so that a reloaded outbox can register
 * them again.
 */
final class Metrics {
    private final PrometheusRegistry registry;
    private final Counter sent;
    private final Counter failed;
    private final Gauge pending;

    Metrics(PrometheusRegistry registry, Collection<String> sinks) {
        this.registry = registry;
        sent = Counter.builder().name("sealwatch_alerts_sent_total").help("Alerts delivered, per sink")
                .labelNames("sink").register(registry);
        failed = Counter.builder().name("sealwatch_alerts_failed_total")
                .help("Failed delivery attempts (each retry counts), per sink").labelNames("sink").register(registry);
        pending = Gauge.builder().name("sealwatch_outbox_pending")
                .help("Alerts waiting for delivery (being retried), per sink").labelNames("sink").register(registry);
        for (String s : sinks) {
            // every sink shows from the start, at 0, so that a rate() over it works from the first scrape
            sent.labelValues(s);
            failed.labelValues(s);
            pending.labelValues(s).set(0);
        }
    }

    void sent(String sink) {
        sent.labelValues(sink).inc();
    }

    void failed(String sink) {
        failed.labelValues(sink).inc();
    }

    void pending(String sink, int count) {
        pending.labelValues(sink).set(count);
    }

    void unregister() {
        registry.unregister(sent);
        registry.unregister(failed);
        registry.unregister(pending);
    }
}
