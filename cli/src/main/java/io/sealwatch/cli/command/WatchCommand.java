package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.watch.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sealwatch watch}: the long-lived service. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "The long-lived service: follows the sources as files arrive, judges as run --to <now> "
                + "would, raises alerts, writes the nightly and quarterly bundles (docs/watch.md).",
        footer = {"", "Exit codes: 0 stopped by SIGTERM or Ctrl-C, 2 configuration or usage error (also: state "
                + "locked by another service, non-loopback --listen without a token, a sink's variable not set), "
                + "3 the state folder cannot be written.", "", "Examples:",
                "  sealwatch watch -c sealwatch.yaml",
                "  SEALWATCH_WATCH_TOKEN=… sealwatch watch -c sealwatch.yaml --listen 0.0.0.0:8787"})
public final class WatchCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "the sealwatch.yaml")
    Path config;
    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "the status page's address (default: "
            + "watch.listen, else 127.0.0.1:8787)")
    String listen;
    @Option(names = "--master", description = "Spark master URL (default: embedded local[*])")
    String master;
    @Option(names = "--rules", description = "a folder of extra .drl rules (repeatable)")
    List<Path> ruleDirs = new ArrayList<>();
    /** Read by Main from the raw arguments to set the log levels; here it also shows each judgement's stages. */
    @Option(names = {"-v", "--verbose"}, description = "show each judgement's stages and Spark, Drools logging")
    boolean verbose;

    @Override
    public Integer call() {
        String host = null;
        Integer port = null;
        if (listen != null) {
            int colon = listen.lastIndexOf(':');
            try {
                if (colon <= 0) {
                    throw new NumberFormatException();
                }
                port = Integer.parseInt(listen.substring(colon + 1));
                if (port < 0 || port > 65_535) {
                    throw new NumberFormatException();
                }
                host = listen.substring(0, colon).replace("[", "").replace("]", "");
            } catch (NumberFormatException e) {
                System.err.println("sealwatch watch: --listen '" + listen + "' is not HOST:PORT such as 127.0.0.1:8787");
                return ExitCode.USAGE.code();
            }
        }
        return Watch.run(new Watch.Options(config, host, port, master, ruleDirs, verbose), System.err,
                Clock.systemUTC(), System::getenv);
    }
}
