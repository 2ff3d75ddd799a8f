package io.sealwatch.engine.tables;

import io.sealwatch.files.FileTrees;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The bundle's {@code tables/}: small Parquet tables for analysts, each one file with a fixed name.
 * Spark names a file with a random id and adds checksum files; a fixed name keeps the bundle's
 * listing the same from run to run.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Writes {@code rows} (already one partition, in the order wanted) as {@code dir/file}, replacing
     * what was there.
     */
    public static void write(Dataset<Row> rows, Path dir, String file) throws IOException {
        FileTrees.delete(dir);
        rows.write().mode(SaveMode.Overwrite).parquet(dir.toUri().toString());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".crc")) {
                    Files.delete(f);
                } else if (name.endsWith(".parquet")) {
                    Files.move(f, dir.resolve(file));
                }
            }
        }
    }

}
