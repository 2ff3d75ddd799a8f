package io.sealwatch.cli.command;

import io.sealwatch.cli.ExitCode;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sealwatch verify DIR}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a report bundle: the manifest's signature, every artifact's hash, no missing or "
                + "added file, and every PDF signature. Exit 4 naming the first bad artifact.",
        footer = {"", "Example:", "  sealwatch verify sealwatch-demo"})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "the bundle folder")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("sealwatch verify: " + dir + " is not a folder");
            return ExitCode.USAGE.code();
        }
        VerifyResult result = Verifier.verify(dir);
        if (result.ok()) {
            System.err.println("OK: " + dir + " — manifest signature, artifact hashes and PDF signatures verify");
            return ExitCode.OK.code();
        }
        System.err.println("FAILED: " + result.firstBadArtifact());
        result.problems().forEach(p -> System.err.println("  " + p));
        return ExitCode.VERIFY_FAILED.code();
    }
}
