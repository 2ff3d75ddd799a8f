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
 * @param states    the expected {@code state} of each episode in {@code episodes.json}, in order (empty: not checked)
 * @param next      a run over the following period, judged on the same logs, or null
 */
record Scenario(String name, Path dir, String description, List<String> args, int exit, List<String> fires,
                List<String> nearMiss, boolean compliant, Integer episodes, String late, int lateExit,
                List<String> lateFires, List<String> states, Next next) {

    /**
     * The run over the next period ({@code next-*} keys): its arguments and verdict, as for the first run;
     * {@code carriedOver} is how many of its episodes must be carried over from the first period.
     */
    record Next(List<String> args, int exit, List<String> fires, List<String> nearMiss, boolean compliant,
                Integer episodes, List<String> states, int carriedOver) {
    }

    static Scenario load(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("scenario.properties"))) {
            p.load(in);
        }
        String name = dir.getFileName().toString();
        String exit = required(p, "exit", name);
        String episodes = p.getProperty("episodes");
        String nextEpisodes = p.getProperty("next-episodes");
        Next next = p.getProperty("next-args") == null ? null : new Next(words(p.getProperty("next-args"), " "),
                Integer.parseInt(required(p, "next-exit", name).trim()), words(p.getProperty("next-fires", ""), ","),
                words(p.getProperty("next-near-miss", ""), ","),
                Boolean.parseBoolean(p.getProperty("next-compliant", "false")),
                nextEpisodes == null ? null : Integer.valueOf(nextEpisodes.trim()),
                words(p.getProperty("next-states", ""), ","),
                Integer.parseInt(p.getProperty("next-carried-over", "0").trim()));
        return new Scenario(name, dir, required(p, "description", name), words(p.getProperty("args", ""), " "),
                Integer.parseInt(exit.trim()), words(p.getProperty("fires", ""), ","),
                words(p.getProperty("near-miss", ""), ","), Boolean.parseBoolean(p.getProperty("compliant", "false")),
                episodes == null ? null : Integer.valueOf(episodes.trim()), p.getProperty("late"),
                Integer.parseInt(p.getProperty("late-exit", exit).trim()), words(p.getProperty("late-fires", ""), ","),
                words(p.getProperty("states", ""), ","), next);
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
