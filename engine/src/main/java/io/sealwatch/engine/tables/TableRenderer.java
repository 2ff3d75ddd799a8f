package io.sealwatch.engine.tables;

import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A table of the bundle's {@code tables/}: one Parquet file with a fixed name in a folder of its own
 * ({@code tables/<table>/<table>.zstd.parquet}), so that Spark and other readers take the folder as the table,
 * written on the driver by {@link ParquetFile}. Registered through {@code META-INF/services/io.sealwatch.result.Renderer}:
 * {@code reports} may not see Spark's schema types nor Parquet.
 */
abstract class TableRenderer extends OneFileRenderer {
    private final StructType schema;

    TableRenderer(String table, StructType schema) {
        super(table + "-parquet", "tables/" + table + "/" + table + ".zstd.parquet");
        this.schema = schema;
    }

    /** The rows of the run, in the table's order. */
    abstract List<Row> rows(RunResult result);

    @Override
    public final void render(RunResult result, Path dir) throws IOException {
        Path target = dir.resolve(file());
        Files.createDirectories(target.getParent());
        ParquetFile.write(schema, rows(result), target);
    }
}
