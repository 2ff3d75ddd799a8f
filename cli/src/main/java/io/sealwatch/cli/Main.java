package io.sealwatch.cli;

import io.sealwatch.cli.base.BuildInfo;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.command.DemoCommand;
import io.sealwatch.cli.command.GenerateCommand;
import io.sealwatch.cli.command.KeysCommand;
import io.sealwatch.cli.command.ReviewCommand;
import io.sealwatch.cli.command.RulesCommand;
import io.sealwatch.cli.command.RunCommand;
import io.sealwatch.cli.command.ValidateCommand;
import io.sealwatch.cli.command.VerifyCommand;
import io.sealwatch.cli.command.WatchCommand;
import io.sealwatch.cli.job.Steps;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/** The {@code sealwatch} command. */
@Command(name = "sealwatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Break-glass access compliance engine: rebuilds every use of a break-glass account from "
                + "audit logs, checks it against the discipline, and produces signed evidence.",
        subcommands = {DemoCommand.class, RunCommand.class, ReviewCommand.class, VerifyCommand.class,
                WatchCommand.class, ValidateCommand.class, RulesCommand.class, KeysCommand.class, GenerateCommand.class,
                AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config error,",
                "3 inputs unreadable or bundle incomplete, 4 verify mismatch.",
                "", "Examples:", "  sealwatch demo", "  sealwatch run -c sealwatch.yaml --quarter 2026-Q3 --out report",
                "  sealwatch verify report"})
public final class Main implements Runnable {

    public static void main(String[] args) {
        Steps.mainEntered();
        boolean verbose = verbose(args);
        Stop.install(verbose);
        int code = execute(args);
        Stop.exit(code);
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        boolean verbose = verbose(args);
        // Before any logger exists: Spark, Drools and Jasper stay silent unless -v; our own errors are one
        // sentence each (Failure), and their traces would only repeat them.
        System.setProperty("sealwatch.log.level", verbose ? "INFO" : "OFF");
        System.setProperty("sealwatch.spark.loglevel", verbose ? "INFO" : "OFF");
        System.setProperty("sealwatch.jvm.flags", BuildInfo.jvmFlags() == null ? "" : BuildInfo.jvmFlags());
        // Spark's netty needs these on Java 17 (the jar manifest carries the Add-Opens).
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        Steps.logJvmStart();
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);   // --fail-on HIGH worked before it was an enum
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().footer("", "Example:",
                "  source <(sealwatch generate-completion)   # bash or zsh: tab completion in this shell");
        cli.setExecutionExceptionHandler((ex, cmd, parsed) ->
                Failure.report(cmd.getCommandName() + " failed", ex, cmd.getErr(), verbose));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("sealwatch: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCode.USAGE.code();
        });
        try {
            return cli.execute(args);
        } catch (Throwable t) {   // Errors such as OutOfMemoryError pass picocli's handlers
            return Failure.report("failed", t, new PrintWriter(System.err, true), verbose);
        }
    }

    private static boolean verbose(String... args) {
        return Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    /** {@code --version}: the engine version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"sealwatch " + BuildInfo.version()};
        }
    }
}
