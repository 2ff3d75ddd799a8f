package io.sealwatch.engine.tables;

import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.Evaluation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Parquet tables written on the driver: Spark reads back the same schema and rows, in order, same bytes twice. */
class TableRenderersTest {

    @TempDir
    Path tmp;

    private static NormalizedEvent event(String time, String source, String file, long record, String actor) {
        return new NormalizedEvent(Instant.parse(time), source, file, record, record % 2 == 0 ? null : "id-" + record,
                EventClass.AUTHENTICATION, "ConsoleLogin", "success", actor, null, null, "bg", null,
                record % 3 == 0 ? null : Boolean.TRUE, null, null, null, null, null, null, null, "d\u00e9tail");
    }

    private static RunResult run() {
        List<IngestedEvent> ingested = new ArrayList<>();
        // out of order, a time with nanoseconds, a supplementary character that Java's UTF-16 order puts elsewhere
        ingested.add(new IngestedEvent(event("2026-08-02T00:00:01.123456789Z", "okta-system-log", "b", 2, "a"), "h1"));
        ingested.add(new IngestedEvent(event("2026-08-01T10:00:00Z", "aws-cloudtrail", "\uFB01le", 5, "b"), "h2"));
        ingested.add(new IngestedEvent(event("2026-08-01T10:00:00Z", "aws-cloudtrail", "\uD83D\uDE00le", 3, "c"), "h3"));
        ingested.add(new IngestedEvent(event("2026-08-01T10:00:00Z", "aws-cloudtrail", "\uFB01le", 4, null), "h4"));
        EvidenceRef ref = new EvidenceRef("aws-cloudtrail", "f", 3, null);
        List<Finding> findings = List.of(
                new Finding("BG-MFA-WEAK", Severity.HIGH, "bg", null, "bg/2026-08-01T10:00:00Z",
                        Instant.parse("2026-08-01T10:05:00Z"), "weak", List.of("SOC 2 CC6.1"), List.of(ref), null),
                new Finding("BG-LOG-GAP", Severity.MEDIUM, null, "okta-system-log", null,
                        Instant.parse("2026-08-01T00:00:00Z"), "gap", List.of(), List.of(), null));
        return new RunResult(null, null, null, new Evaluation(findings, List.of(), List.of()), List.of(), List.of(),
                List.of(), 0, List.of(), ingested, List.of(), Map.of());
    }

    @Test
    void sparkReadsBackTheSchemaAndTheRowsInTheTablesOrder() throws Exception {
        RunResult run = run();
        SparkSession spark = Sparks.session("local[2]", null);
        check(spark, new EventsTable(), run, EventRows.SCHEMA,
                run.ingested().stream().sorted(EventRows.TABLE_ORDER).map(EventRows::toRow).toList());
        check(spark, new FindingsTable(), run, FindingsTable.SCHEMA, new FindingsTable().rows(run));
        List<String> files = new ArrayList<>();
        Path dir = tmp.resolve("events");
        new EventsTable().render(run, dir);
        spark.read().parquet(dir.resolve("tables/events").toUri().toString()).collectAsList()
                .forEach(r -> files.add(r.getAs("sourceFile") + "#" + r.getAs("record")));
        assertEquals(List.of("\uFB01le#4", "\uFB01le#5", "\uD83D\uDE00le#3", "b#2"), files,
                "(day, time, source, file, record), strings by code point as Spark sorts them");
    }

    private void check(SparkSession spark, TableRenderer table, RunResult run, StructType schema, List<Row> expected)
            throws Exception {
        Path a = Files.createDirectories(tmp.resolve(table.name() + "-a"));
        Path b = Files.createDirectories(tmp.resolve(table.name() + "-b"));
        table.render(run, a);
        table.render(run, b);
        String file = table.files(run).get(0);
        assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), "same bytes");
        var read = spark.read().parquet(a.resolve(file).getParent().toUri().toString());
        // Spark reads every column of a file as nullable, so names and types are compared
        assertEquals(schema.simpleString(), read.schema().simpleString(), table.name() + ": column names and types");
        assertEquals(spark.createDataFrame(expected, schema).collectAsList(), read.collectAsList(),
                table.name() + ": the rows, in order");
    }

    @Test
    void theTablesAreRenderersFoundThroughTheServiceLoader() {
        assertEquals(List.of("events-parquet", "episodes-parquet", "findings-parquet"),
                ServiceLoader.load(Renderer.class).stream().map(p -> p.get().name()).toList());
    }
}
