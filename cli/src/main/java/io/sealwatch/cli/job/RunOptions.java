package io.sealwatch.cli.job;

import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run, as plain values: what the command line asked for, nothing of picocli.
 *
 * @param master     Spark master URL, or null for the embedded {@code local[*]}
 * @param password   the signing key's password, or null when unsigned ({@code --no-sign})
 * @param ruleDirs   extra {@code .drl} folders ({@code --rules})
 * @param state      where nightly runs remember what they read ({@code --state}), or null
 * @param previous   the bundle this run's bundle follows ({@code --previous}), or null
 * @param requestedTo the end asked for when it lay after the time of the run (the period ends then
 *                    instead: nothing is judged ahead of the clock), else null
 */
public record RunOptions(Path config, Period period, Path out, String master, Severity failOn, boolean sign,
                         char[] password, List<Path> ruleDirs, Path state, Path previous, Instant requestedTo) {

    /** A run over a period that ends no later than the time of the run. */
    public RunOptions(Path config, Period period, Path out, String master, Severity failOn, boolean sign,
                      char[] password, List<Path> ruleDirs, Path state) {
        this(config, period, out, master, failOn, sign, password, ruleDirs, state, null, null);
    }

    /** The judged period as resolved from the command line, clamped to the time of the run. */
    public RunOptions(Path config, PeriodSpec.Resolved period, Path out, String master, Severity failOn,
                      boolean sign, List<Path> ruleDirs, Path state, Path previous) {
        this(config, period.period(), out, master, failOn, sign, null, ruleDirs, state, previous, period.requestedTo());
    }

    /** A run that reads every input (no {@code --state}) and follows the bundle in {@code out}, if any. */
    public RunOptions(Path config, Period period, Path out, String master, Severity failOn, boolean sign,
                      char[] password, List<Path> ruleDirs) {
        this(config, period, out, master, failOn, sign, password, ruleDirs, null, null, null);
    }
}
