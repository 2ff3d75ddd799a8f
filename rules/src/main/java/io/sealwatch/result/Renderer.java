package io.sealwatch.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a run into one or more files of one format; each file of a bundle has exactly one renderer. Implementations
 * are stateless and deterministic: the same {@link RunResult} gives the same bytes (apart from wall-clock timings in
 * run.json, which come from the result itself). The contract lives beside the result, in {@code rules}, so that
 * renderers outside {@code reports} (the engine's Parquet tables) implement it too; those are found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.sealwatch.result.Renderer}).
 */
public interface Renderer {

    /** The format name used by the registry, e.g. {@code findings-json}. */
    String name();

    /** The files (relative to the output folder, {@code /}-separated) that {@link #render} writes for {@code result}. */
    List<String> files(RunResult result);

    void render(RunResult result, Path dir) throws IOException;

    /**
     * Work that needs no run, done ahead while the job reads its inputs (compiling a template).
     * Failures are left for {@link #render}, which meets them again and reports them.
     */
    default void prepare() {
    }
}
