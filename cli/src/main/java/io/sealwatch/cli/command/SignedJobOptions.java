package io.sealwatch.cli.command;

import picocli.CommandLine.Option;

/** The job options of the two commands that sign the bundle they write ({@code run}, {@code review}): {@code --no-sign} declared once. */
final class SignedJobOptions extends JobOptions {
    @Option(names = "--no-sign", description = "write an unsigned bundle (its manifest says so)")
    boolean noSign;
}
