package io.sealwatch.cli.command;

import picocli.CommandLine.Option;

/**
 * The job options of the two commands that sign the bundle they write ({@code run}, {@code review}): {@code --no-sign}
 * and {@code --fail-on} declared once.
 */
final class SignedJobOptions extends JobOptions {
    @Option(names = "--no-sign", description = "write an unsigned bundle (its manifest says so)")
    boolean noSign;
    @Option(names = "--fail-on", defaultValue = "critical", description = "exit 1 when an open finding of the period "
            + "is at or above this severity: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    FailOn failOn;
}
