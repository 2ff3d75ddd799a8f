package io.sealwatch.reports;

import java.util.List;

/** A renderer that writes exactly one file: its registry name and file name, declared once. */
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
    public final List<String> files() {
        return List.of(file);
    }
}
