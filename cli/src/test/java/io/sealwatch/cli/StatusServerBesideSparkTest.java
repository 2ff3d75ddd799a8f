package io.sealwatch.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.web.StatusServer;
import io.sealwatch.web.StatusSnapshot;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The watch service runs Spark and the status server (Javalin on Jetty 12) in one JVM, on the application's class
 * path: Spark keeps its own Jetty shaded, and nothing of ours may put a second Jetty, servlet API or Jackson beside
 * them. Both must work, each after the other has started.
 */
class StatusServerBesideSparkTest {

    @Test
    void sparkAndTheStatusServerShareAJvm() throws Exception {
        SparkSession spark = Sparks.session("local[1]", null);
        StatusSnapshot healthy = new StatusSnapshot(null, Instant.parse("2026-08-14T10:00:00Z"), null, List.of(),
                List.of(), List.of(), true, null);
        try (StatusServer server = StatusServer.start("127.0.0.1", 0, null, () -> healthy, new PrometheusRegistry())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok\n", health.body());
            assertEquals(3, spark.range(3).count(), "Spark still runs a job with the server up");
        }
    }
}
