package io.sealwatch.cli.command;

import io.sealwatch.cli.ExitCode;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import io.sealwatch.reports.signing.Certificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sealwatch verify DIR…}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify report bundles: the manifest's signature, every artifact's hash, no missing or "
                + "added file, only regular files, and every PDF signature; print who signed. Exit 4 naming "
                + "the first bad artifact of each failing bundle.",
        footer = {"", "Example:", "  sealwatch verify sealwatch-demo"})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the bundle folders")
    List<Path> dirs;

    @Option(names = "--allow-unsigned",
            description = "accept a bundle without a manifest signature (--no-sign): its hashes are checked and it is "
                    + "reported UNSIGNED, since nothing attests it")
    boolean allowUnsigned;

    @Override
    public Integer call() {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                System.err.println("sealwatch verify: " + dir + " is not a folder");
                return ExitCode.USAGE.code();
            }
        }
        boolean allOk = true;
        for (Path dir : dirs) {
            allOk &= report(dir, Verifier.verify(dir, new Verifier.Options(allowUnsigned)));
        }
        return allOk ? ExitCode.OK.code() : ExitCode.VERIFY_FAILED.code();
    }

    private static boolean report(Path dir, VerifyResult result) {
        if (!result.ok()) {
            System.err.println("FAILED: " + dir + ": " + result.firstBadArtifact());
            result.problems().forEach(p -> System.err.println("  " + p));
        } else if (result.unsigned()) {
            System.err.println("UNSIGNED: " + dir + " — the artifact hashes match its manifest, but no signature "
                    + "attests the manifest: anyone could have written this bundle");
        } else {
            System.err.println("OK: " + dir + " — manifest signature, artifact hashes and PDF signatures verify");
        }
        if (result.signer() != null) {
            System.err.println("  signed by " + result.signer().getSubjectX500Principal().getName());
            System.err.println("  SHA-256 fingerprint " + Certificates.fingerprint(result.signer()));
            System.err.println("  the signer was not pinned: any key can sign a bundle; pin it with --trust PEM "
                    + "or --fingerprint SHA256");
        }
        return result.ok();
    }
}
