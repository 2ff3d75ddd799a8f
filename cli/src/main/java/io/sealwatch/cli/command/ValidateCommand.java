package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.config.ConfigException;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.engine.ingest.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        List<SourceSpec> missing;
        try {
            missing = Ingest.unmatched(loaded);
        } catch (IOException e) {
            System.err.println(config + ": cannot list the inputs: " + e.getMessage());
            return ExitCode.INCOMPLETE.code();
        }
        for (SourceSpec s : missing) {
            System.err.println(config + ":" + s.line() + ": sources[" + loaded.sources().indexOf(s) + "].path: no file "
                    + "matches '" + s.path() + "' (relative paths resolve against " + loaded.baseDir() + ")");
        }
        if (!missing.isEmpty()) {
            System.err.println(missing.size() + " problem(s) in " + config);
            return ExitCode.USAGE.code();
        }
        System.err.println("OK: " + config + " — " + loaded.accounts().size() + " account(s), "
                + loaded.sources().size() + " source(s)");
        return ExitCode.OK.code();
    }
}
