package io.sealwatch.cli.job;

import io.sealwatch.model.Stage;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** One line per stage on stderr: its name, what it produced, and how long it took. */
public final class Progress {
    private final PrintStream out;
    private final Map<Stage, Long> millis = new EnumMap<>(Stage.class);
    private Stage current;
    private long started;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void start(Stage stage) {
        current = stage;
        started = System.nanoTime();
    }

    public void done(String summary) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        millis.put(current, ms);
        out.printf(Locale.ROOT, "%-12s %-64s %6.1f s%n", current, summary, ms / 1000.0);
    }

    public Map<String, Long> timings() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        millis.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
