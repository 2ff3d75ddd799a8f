package io.sealwatch.cli.command;

import io.sealwatch.cli.ExitCode;
import io.sealwatch.config.ConfigException;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sealwatch validate}: every config error at once, with file:line, and whether the inputs exist. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config and that its inputs exist, without running the job. Reports every problem "
                + "at once as file:line: key: message.",
        footer = {"", "Example:", "  sealwatch validate -c sealwatch.yaml"})
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "the sealwatch.yaml")
    Path config;

    @Override
    public Integer call() {
        SealwatchConfig loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            e.errors().forEach(x -> System.err.println(x));
            System.err.println(e.errors().size() + " problem(s) in " + config);
            return ExitCode.USAGE.code();
        }
        System.err.println("OK: " + config + " — " + loaded.accounts().size() + " account(s), "
                + loaded.sources().size() + " source(s)");
        return ExitCode.OK.code();
    }
}
