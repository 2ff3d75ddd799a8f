package io.sealwatch.cli.command;

import io.sealwatch.files.FileTrees;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.job.Launch;
import io.sealwatch.cli.job.OutFolder;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.samples.ExampleCorp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sealwatch demo}: the whole job on the bundled Example Corp, signed with a throw-away key. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole job on the bundled sample organisation (Example Corp, 2026-Q3) with a "
                + "throw-away signing key, and print where the bundle is.",
        footer = {"", "Examples:", "  sealwatch demo", "  sealwatch demo --out /tmp/demo && sealwatch verify /tmp/demo"})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "sealwatch-demo", description = "bundle folder (default ${DEFAULT-VALUE})")
    Path out;
    @Option(names = {"-v", "--verbose"}, description = "show Spark, Drools and Jasper logging")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try {
            OutFolder.check(out);   // before the key and the sample logs are made: a refusal costs nothing
        } catch (OutFolder.Refused e) {
            System.err.println("sealwatch: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Path inputs = Files.createTempDirectory("sealwatch-demo-inputs-");
        try {
            Path config = ExampleCorp.extract(inputs);
            // A throw-away key with a random password that lives only in this process.
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            char[] password = HexFormat.of().formatHex(secret).toCharArray();
            KeyTool.init(config.getParent().resolve("keys"), password);
            System.err.println("Example Corp, 2026-Q3, with a throw-away signing key (not for real evidence)");
            Period q3 = new Period(ExampleCorp.FROM, ExampleCorp.TO);
            int exit = Launch.run(new RunOptions(config, q3, out, null, Severity.CRITICAL, true, password, List.of()),
                    System.err);
            if (exit == ExitCode.FINDINGS.code() || exit == ExitCode.OK.code()) {
                System.err.println();
                System.err.println("Open " + out.resolve("report.pdf") + " and " + out.resolve("evidence.xlsx")
                        + "; check the signatures with: sealwatch verify " + out);
            }
            return exit;
        } finally {
            FileTrees.delete(inputs);
        }
    }
}
