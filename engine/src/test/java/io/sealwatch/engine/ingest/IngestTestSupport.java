package io.sealwatch.engine.ingest;

import java.nio.file.Files;
import java.io.IOException;
import io.sealwatch.result.RunResult;
import io.sealwatch.engine.tables.EventsTable;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers: the one Spark session of the test JVM, configs built in code, events read back. */
final class IngestTestSupport {
    static final Period PERIOD = new Period(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    private IngestTestSupport() {
    }

    static SparkSession spark() {
        return Sparks.session("local[2]", null);
    }

    static Path fixtures() {
        return Path.of("src/test/resources/fixtures/real").toAbsolutePath();
    }

    static AccountSpec account(String id, List<IdentityMatch> identities, List<IdentityMatch> sealed,
                               List<String> credentials) {
        return new AccountSpec(id, id, identities, sealed, credentials, List.of("alice@example.com", "bob@example.com"),
                2, Duration.ofHours(4), List.of());
    }

    static SealwatchConfig config(Path base, List<SourceSpec> sources, List<AccountSpec> accounts) {
        return new SealwatchConfig(base.resolve("sealwatch.yaml"), "0".repeat(64), "Test", "UTC", sources, accounts,
                List.of("ciso@example.com"), Policy.defaults(), null, List.of());
    }

    /** The events table of {@code result}, as the bundle's renderer writes it, in a new temporary folder. */
    static Path eventsTable(IngestResult result) throws IOException {
        Path dir = Files.createTempDirectory("sealwatch-events-");
        dir.toFile().deleteOnExit();
        RunResult run = new RunResult(null, null, null, null, List.of(), List.of(), List.of(), 0, List.of(),
                result.events(), List.of(), Map.of());
        EventsTable table = new EventsTable();
        table.render(run, dir);
        return dir.resolve(table.files(run).get(0)).getParent();
    }

    /** The events as Spark reads them back from the events table (which proves its schema). */
    static List<NormalizedEvent> events(IngestResult result) throws IOException {
        return spark().read().schema(EventRows.SCHEMA).parquet(eventsTable(result).toUri().toString())
                .collectAsList().stream().map(EventRows::fromRow).toList();
    }

    static List<Row> rows(IngestResult result) throws IOException {
        return spark().read().parquet(eventsTable(result).toUri().toString()).collectAsList();
    }

    static Map<String, InputFileStats> byFileName(IngestResult result) {
        return result.inputs().stream().collect(Collectors.toMap(s -> Path.of(s.path()).getFileName().toString(),
                s -> s));
    }

    static void assertBalanced(IngestResult result) {
        for (InputFileStats s : result.inputs()) {
            assertTrue(s.balanced(), "accounting does not add up for " + s);
        }
    }
}
