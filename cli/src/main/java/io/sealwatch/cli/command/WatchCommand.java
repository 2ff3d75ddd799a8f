package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.watch.Watch;
import io.sealwatch.config.WatchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
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
    @Mixin
    JobOptions job;

    @Override
    public Integer call() {
        WatchSpec.Listen at = null;
        if (listen != null) {
            try {
                at = WatchSpec.Listen.parse(listen);
            } catch (IllegalArgumentException e) {
                System.err.println("sealwatch watch: --listen '" + listen + "' is not HOST:PORT such as 127.0.0.1:8787");
                return ExitCode.USAGE.code();
            }
        }
        return Watch.run(new Watch.Options(config, at == null ? null : at.host(), at == null ? null : at.port(),
                job.master, job.ruleDirs, job.verbose), System.err,
                Clock.systemUTC(), System::getenv);
    }
}
