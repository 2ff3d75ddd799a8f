package io.sealwatch.reports;

import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a run into one or more files of one format. Implementations are stateless and deterministic:
 * the same {@link RunResult} gives the same bytes (apart from wall-clock timings in run.json, which
 * come from the result itself).
 */
public interface Renderer {

    /** The format name used by the registry, e.g. {@code findings-json}. */
    String name();

    /** The files (relative to the output folder) that {@link #render} writes. */
    List<String> files();

    void render(RunResult result, Path dir) throws IOException;

    /**
     * Work that needs no run, done ahead while the job reads its inputs (compiling a template).
     * Failures are left for {@link #render}, which meets them again and reports them.
     */
    default void prepare() {
    }
}
