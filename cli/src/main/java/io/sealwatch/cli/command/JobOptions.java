package io.sealwatch.cli.command;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options {@code run}, {@code review} and {@code watch} share, declared once: where Spark runs, extra rules, logging. */
class JobOptions {
    @Option(names = "--master", description = "Spark master URL (default: embedded local[*])")
    String master;
    @Option(names = "--rules", description = "a folder of extra .drl rules (repeatable)")
    List<Path> ruleDirs = new ArrayList<>();
    /** Read by Main from the raw arguments, before picocli runs, to set the log levels; declared for --help. */
    @Option(names = {"-v", "--verbose"}, description = "show Spark, Drools and Jasper logging")
    boolean verbose;
}
