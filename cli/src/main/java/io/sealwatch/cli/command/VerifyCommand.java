package io.sealwatch.cli.command;

import io.sealwatch.cli.ExitCode;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import io.sealwatch.reports.signing.Certificates;
import io.sealwatch.reports.signing.CmsSignature;
import io.sealwatch.reports.signing.SignerPin;
import io.sealwatch.reports.signing.SigningException;
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
                + "added file, only regular files, and every PDF signature; print who signed, and hold the signer "
                + "against --trust or --fingerprint. Exit 4 naming the first bad artifact of each failing bundle.",
        footer = {"", "Examples:", "  sealwatch verify sealwatch-demo",
                "  sealwatch verify --trust org-signing-ca.pem bundles/quarters/2026-Q3 bundles/quarters/2026-Q4"})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the bundle folders")
    List<Path> dirs;

    @Option(names = "--allow-unsigned",
            description = "accept a bundle without a manifest signature (--no-sign): its hashes are checked and it is "
                    + "reported UNSIGNED, since nothing attests it")
    boolean allowUnsigned;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "the signer must be one of these certificates, or chain to one of these CAs (PKIX, at the "
                    + "signing time: the time-stamp's, else the signature's signing-time; revocation not checked)")
    Path trust;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "the signer's certificate must have this SHA-256 fingerprint (hex, colons optional, any case)")
    String fingerprint;

    @Option(names = "--tsa-trust", paramLabel = "PEM",
            description = "every signature must carry an RFC 3161 time-stamp by one of these TSA certificates or CAs")
    Path tsaTrust;

    @Override
    public Integer call() {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                System.err.println("sealwatch verify: " + dir + " is not a folder");
                return ExitCode.USAGE.code();
            }
        }
        SignerPin pin;
        try {
            pin = SignerPin.of(trust, fingerprint, tsaTrust);
        } catch (SigningException e) {
            System.err.println("sealwatch verify: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        boolean allOk = true;
        for (Path dir : dirs) {
            allOk &= report(dir, Verifier.verify(dir, new Verifier.Options(allowUnsigned, pin)), pin);
        }
        return allOk ? ExitCode.OK.code() : ExitCode.VERIFY_FAILED.code();
    }

    private static boolean report(Path dir, VerifyResult result, SignerPin pin) {
        if (!result.ok()) {
            System.err.println("FAILED: " + dir + ": " + result.firstBadArtifact());
            result.problems().forEach(p -> System.err.println("  " + p));
        } else if (result.unsigned()) {
            System.err.println("UNSIGNED: " + dir + " — the artifact hashes match its manifest, but no signature "
                    + "attests the manifest: anyone could have written this bundle");
        } else {
            System.err.println("OK: " + dir + " — manifest signature, artifact hashes and PDF signatures verify");
        }
        CmsSignature signature = result.signature();
        if (signature != null) {
            System.err.println("  signed by " + signature.signer().getSubjectX500Principal().getName());
            System.err.println("  SHA-256 fingerprint " + Certificates.fingerprint(signature.signer()));
            if (!signature.timeStamps().isEmpty()) {
                CmsSignature.TimeStamp ts = signature.timeStamps().get(0);
                System.err.println("  time-stamped " + ts.time() + " by " + ts.tsa().getSubjectX500Principal().getName());
            } else if (signature.signingTime() != null) {
                System.err.println("  signing time " + signature.signingTime() + " (as the signer states it)");
            }
            if (!pin.pinned()) {
                System.err.println("  the signer was not pinned: any key can sign a bundle; pin it with --trust PEM "
                        + "or --fingerprint SHA256");
            } else if (result.ok()) {
                System.err.println("  pinned by " + pin.describe() + ": the signer matches");
            }
        }
        return result.ok();
    }
}
