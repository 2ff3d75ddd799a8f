package io.sealwatch.cli.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One scenario folder under {@code samples/scenarios} and its {@code scenario.properties}
 * (the format is described in {@code samples/scenarios/README.md}).
 *
 * @param fires     rule ids that must produce at least one finding
 * @param nearMiss  rule ids that must produce none
 * @param episodes  the expected number of episodes in {@code episodes.json}, or null when not recorded
 * @param late      a folder, relative to the scenario, whose files arrive late: the first run goes without
 *                  them, then they are copied into the scenario and the run is repeated
 * @param lateExit  the exit code of the run without the late files
 * @param lateFires rule ids that fire without the late files
 */
record Scenario(String name, Path dir, String description, List<String> args, int exit, List<String> fires,
                List<String> nearMiss, boolean compliant, Integer episodes, String late, int lateExit,
                List<String> lateFires) {

    static Scenario load(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("scenario.properties"))) {
            p.load(in);
        }
        String name = dir.getFileName().toString();
        String exit = required(p, "exit", name);
        String episodes = p.getProperty("episodes");
        return new Scenario(name, dir, required(p, "description", name), words(p.getProperty("args", ""), " "),
                Integer.parseInt(exit.trim()), words(p.getProperty("fires", ""), ","),
                words(p.getProperty("near-miss", ""), ","), Boolean.parseBoolean(p.getProperty("compliant", "false")),
                episodes == null ? null : Integer.valueOf(episodes.trim()), p.getProperty("late"),
                Integer.parseInt(p.getProperty("late-exit", exit).trim()), words(p.getProperty("late-fires", ""), ","));
    }

    Path config() {
        return dir.resolve("sealwatch.yaml");
    }

    Path expected(String file) {
        return dir.resolve("expected").resolve(file);
    }

    private static String required(Properties p, String key, String scenario) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(scenario + "/scenario.properties: missing '" + key + "'");
        }
        return v;
    }

    private static List<String> words(String value, String separator) {
        return Arrays.stream(value.trim().split(separator)).map(String::trim).filter(w -> !w.isEmpty()).toList();
    }
}
