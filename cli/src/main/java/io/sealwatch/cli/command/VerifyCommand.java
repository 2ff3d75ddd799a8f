package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.reports.bundle.Chain;
import io.sealwatch.reports.bundle.Predecessor;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import io.sealwatch.reports.signing.Certificates;
import io.sealwatch.reports.signing.CmsSignature;
import io.sealwatch.reports.signing.SignerPin;
import io.sealwatch.reports.signing.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code sealwatch verify DIR…}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify report bundles: the manifest's signature, every artifact's hash, no missing or "
                + "added file, only regular files, and every PDF signature; print who signed, and hold the signer "
                + "against --trust or --fingerprint. Given several bundles of one series, check in period order that "
                + "each records the one before it (a bundle missing, replaced or altered breaks the chain). Exit 4 "
                + "naming the first bad artifact of each failing bundle, or the break.",
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
        allOk &= chain();
        return allOk ? ExitCode.OK.code() : ExitCode.VERIFY_FAILED.code();
    }

    /**
     * One bundle: the predecessor it records, to look for. Several: every link in period order (a folder
     * named twice counts once). A bundle whose manifest cannot be read has already failed above; the chain
     * is then not judged.
     */
    private boolean chain() {
        List<Chain.Link> links = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            try {
                if (seen.add(dir.toRealPath())) {
                    links.add(Chain.read(dir));
                }
            } catch (IOException e) {
                return false;
            }
        }
        if (links.size() == 1) {
            Predecessor previous = links.get(0).manifest().previous();
            System.err.println(previous == null ? "  follows no earlier bundle: the first of its series"
                    : "  follows the bundle of " + previous.describe() + " (verify the two together to check the link)");
            return true;
        }
        List<String> breaks = Chain.breaks(links);
        List<Chain.Link> series = Chain.ordered(links);
        if (breaks.isEmpty()) {
            System.err.println("CHAIN OK: " + series.size() + " bundles, " + series.stream().map(l -> l.dir().toString())
                    .collect(Collectors.joining(" → ")) + ": each records the manifest of the one before");
            return true;
        }
        breaks.forEach(b -> System.err.println("CHAIN BROKEN: " + b));
        return false;
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
