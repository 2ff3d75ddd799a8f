package io.sealwatch.result;

import java.util.List;

/** A renderer that writes exactly one file, whatever the run: its registry name and file name, declared once. */
public abstract class OneFileRenderer implements Renderer {
    private final String name;
    private final String file;

    protected OneFileRenderer(String name, String file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> files(RunResult result) {
        return List.of(file);
    }

    /** The one file, relative to the output folder. */
    protected final String file() {
        return file;
    }
}
