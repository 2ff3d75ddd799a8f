package io.sealwatch.cli.job;

import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * A run, as plain values: what the command line asked for, nothing of picocli.
 *
 * @param master     Spark master URL, or null for the embedded {@code local[*]}
 * @param password   the signing key's password, or null when unsigned ({@code --no-sign})
 * @param ruleDirs   extra {@code .drl} folders ({@code --rules})
 * @param state      where nightly runs remember what they read ({@code --state}), or null
 * @param previous   the bundle this run's bundle follows ({@code --previous}), or null
 */
public record RunOptions(Path config, Period period, Path out, String master, Severity failOn, boolean sign,
                         char[] password, List<Path> ruleDirs, Path state, Path previous) {

    /** A run that reads every input (no {@code --state}) and follows the bundle in {@code out}, if any. */
    public RunOptions(Path config, Period period, Path out, String master, Severity failOn, boolean sign,
                      char[] password, List<Path> ruleDirs) {
        this(config, period, out, master, failOn, sign, password, ruleDirs, null, null);
    }
}
