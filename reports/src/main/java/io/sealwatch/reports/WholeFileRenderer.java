package io.sealwatch.reports;

import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A renderer whose one file is bytes made in memory, written whole: the same bytes others take without a
 * bundle (the PDFs attach them, the status API serves them) come from one function, {@link Content}.
 */
public abstract class WholeFileRenderer extends OneFileRenderer {

    /** The file's bytes for a run. */
    @FunctionalInterface
    public interface Content {
        byte[] of(RunResult result) throws IOException;
    }

    private final Content content;

    protected WholeFileRenderer(String name, String file, Content content) {
        super(name, file);
        this.content = content;
    }

    @Override
    public final void render(RunResult result, Path dir) throws IOException {
        Files.write(dir.resolve(file()), content.of(result));
    }
}
