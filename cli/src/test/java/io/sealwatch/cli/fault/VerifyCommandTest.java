package io.sealwatch.cli.fault;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.model.Period;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.bundle.Manifest;
import io.sealwatch.reports.signing.Certificates;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code sealwatch verify} through the real command line, on bundles written by the real Bundle with a real
 * key: what it prints for a good, an unsigned and a tampered bundle, and its exit codes.
 */
class VerifyCommandTest {
    @TempDir
    static Path tmp;
    static Signer signer;
    static Path signed;
    static Path unsigned;

    @BeforeAll
    static void bundles() throws Exception {
        char[] pw = "pw-for-tests".toCharArray();
        signer = Signer.load(KeyTool.init(tmp.resolve("keys"), pw), pw, KeyTool.ALIAS);
        signed = write("signed", signer);
        unsigned = write("unsigned", null);
    }

    /** A small bundle: a findings file and a table part, through the real writer and a renderer of fixed files. */
    static Path write(String name, Signer key) throws Exception {
        Period period = new Period(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
        RunResult r = new RunResult(new RunInfo("Verify Corp", "UTC", period, "test", null, null, true, List.of(),
                key != null), null, null, null, List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of(),
                Map.of());
        Path out = tmp.resolve(name);
        Bundle.write(r, out, key, List.of(new FixedFiles()));
        return out;
    }

    /** Writes a findings file and a table part of fixed content, wherever a real renderer would write them. */
    private static final class FixedFiles implements Renderer {
        private static final Map<String, String> FILES = Map.of("findings.json",
                "[ {\"rule\" : \"BG-APPROVAL-MISSING\"} ]\n", "tables/findings/part-0.parquet", "PAR1 fake");

        @Override
        public String name() {
            return "fixed-files";
        }

        @Override
        public List<String> files(RunResult result) {
            return FILES.keySet().stream().sorted().toList();
        }

        @Override
        public void render(RunResult result, Path dir) throws IOException {
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                Files.createDirectories(dir.resolve(f.getKey()).getParent());
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
        }
    }

    @Test
    void aGoodBundleVerifiesAndNamesItsUnpinnedSigner() {
        FaultKit.Cli v = FaultKit.cli("verify", signed.toString());
        assertEquals(ExitCode.OK.code(), v.exit(), v.err());
        assertTrue(v.err().contains("OK: " + signed + " — manifest signature, artifact hashes and PDF signatures verify"),
                v.err());
        assertTrue(v.err().contains("signed by " + KeyTool.SUBJECT), v.err());
        assertTrue(v.err().contains("SHA-256 fingerprint " + Certificates.fingerprint(signer.certificate())), v.err());
        assertTrue(v.err().contains("the signer was not pinned"), v.err());
    }

    @Test
    void anUnsignedBundleFailsUnlessAllowedAndIsThenCalledUnsigned() {
        FaultKit.Cli strict = FaultKit.cli("verify", unsigned.toString());
        assertEquals(ExitCode.VERIFY_FAILED.code(), strict.exit(), strict.err());
        assertTrue(strict.err().contains("FAILED: " + unsigned + ": manifest.json"), strict.err());
        assertTrue(strict.err().contains("--allow-unsigned"), "says how to check it anyway: " + strict.err());

        FaultKit.Cli allowed = FaultKit.cli("verify", "--allow-unsigned", unsigned.toString());
        assertEquals(ExitCode.OK.code(), allowed.exit(), allowed.err());
        assertTrue(allowed.err().contains("UNSIGNED: " + unsigned), allowed.err());
        assertFalse(allowed.err().contains("OK:"), allowed.err());
    }

    @Test
    void severalBundlesAreEachVerifiedAndAnyFailureFailsTheCommand() throws Exception {
        Path tampered = write("tampered", signer);
        Files.writeString(tampered.resolve("findings.json"), "[]\n");
        FaultKit.Cli v = FaultKit.cli("verify", signed.toString(), tampered.toString(), signed.toString());
        assertEquals(ExitCode.VERIFY_FAILED.code(), v.exit(), v.err());
        assertEquals(2, v.err().split("OK: ", -1).length - 1, "both good ones reported: " + v.err());
        assertTrue(v.err().contains("FAILED: " + tampered + ": findings.json"), v.err());
        assertTrue(v.err().contains("modified: findings.json"), v.err());

        assertEquals(ExitCode.OK.code(), FaultKit.cli("verify", signed.toString(), signed.toString()).exit());
        FaultKit.Cli notAFolder = FaultKit.cli("verify", signed.toString(), signed.resolve("findings.json").toString());
        assertEquals(ExitCode.USAGE.code(), notAFolder.exit(), notAFolder.err());
        assertTrue(notAFolder.err().contains("findings.json is not a folder"), notAFolder.err());
    }

    @Test
    void linksAndHugeManifestsFailNamingThem() throws Exception {
        Path linked = write("linked", signer);
        Files.move(linked.resolve("tables"), tmp.resolve("elsewhere"));
        Files.createSymbolicLink(linked.resolve("tables"), tmp.resolve("elsewhere"));
        FaultKit.Cli link = FaultKit.cli("verify", linked.toString());
        assertEquals(ExitCode.VERIFY_FAILED.code(), link.exit(), link.err());
        assertTrue(link.err().contains("missing: tables/findings/part-0.parquet (tables is a symbolic link)"), link.err());
        assertTrue(link.err().contains("not in the manifest: tables (a symbolic link)"), link.err());

        Path huge = write("huge", signer);
        try (RandomAccessFile f = new RandomAccessFile(huge.resolve(Manifest.FILE).toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        FaultKit.Cli big = FaultKit.cli("verify", huge.toString());
        assertEquals(ExitCode.VERIFY_FAILED.code(), big.exit(), big.err());
        assertTrue(big.err().contains("FAILED: " + huge + ": manifest.json"), big.err());
        assertTrue(big.err().contains("more than the 64 MiB a manifest may have"), big.err());
    }

    @Test
    void aPinnedSignerPassesAndAnyOtherFailsNamingWhoSigned() throws Exception {
        // as the auditor's guide says: the signer's certificate and fingerprint from a bundle, with openssl
        Path ours = tmp.resolve("ours.pem");
        openssl("pkcs7", "-inform", "DER", "-in", signed.resolve(Manifest.SIGNATURE).toString(), "-print_certs",
                "-out", ours.toString());
        String shown = openssl("x509", "-in", ours.toString(), "-noout", "-fingerprint", "-sha256");
        String fp = Certificates.fingerprint(signer.certificate());
        assertEquals(fp, shown.substring(shown.indexOf('=') + 1).strip(), "printed as openssl prints it");
        FaultKit.Cli trusted = FaultKit.cli("verify", "--trust", ours.toString(), "--fingerprint",
                fp.replace(":", "").toLowerCase(Locale.ROOT), signed.toString());
        assertEquals(ExitCode.OK.code(), trusted.exit(), trusted.err());
        assertTrue(trusted.err().contains("pinned by --trust " + ours + ", --fingerprint " + fp + ": the signer matches"),
                trusted.err());
        assertFalse(trusted.err().contains("not pinned"), trusted.err());

        char[] pw = "pw-for-tests".toCharArray();
        Signer other = Signer.load(KeyTool.init(tmp.resolve("other-keys"), pw), pw, KeyTool.ALIAS);
        Path theirs = write("theirs", other);
        String theirFp = Certificates.fingerprint(other.certificate());
        for (List<String> pinArgs : List.of(List.of("--trust", ours.toString()), List.of("--fingerprint", fp))) {
            List<String> args = new ArrayList<>(List.of("verify"));
            args.addAll(pinArgs);
            args.add(theirs.toString());
            FaultKit.Cli v = FaultKit.cli(args.toArray(String[]::new));
            assertEquals(ExitCode.VERIFY_FAILED.code(), v.exit(), v.err());
            assertTrue(v.err().contains("FAILED: " + theirs + ": manifest.json"), v.err());
            assertTrue(v.err().contains("manifest.json is signed by " + KeyTool.SUBJECT + " (SHA-256 fingerprint "
                    + theirFp + ")"), v.err());
        }
        // one at a time: given together, two bundles of one period that do not record each other break the chain
        assertEquals(ExitCode.OK.code(), FaultKit.cli("verify", theirs.toString()).exit(),
                "unpinned, any valid signature verifies");
    }

    @Test
    void aMalformedPinIsAUsageError() {
        FaultKit.Cli shortFp = FaultKit.cli("verify", "--fingerprint", "AB:CD", signed.toString());
        assertEquals(ExitCode.USAGE.code(), shortFp.exit(), shortFp.err());
        assertTrue(shortFp.err().contains("--fingerprint must be the 64 hex digits"), shortFp.err());
        FaultKit.Cli missing = FaultKit.cli("verify", "--trust", tmp.resolve("nowhere.pem").toString(), signed.toString());
        assertEquals(ExitCode.USAGE.code(), missing.exit(), missing.err());
        assertTrue(missing.err().contains("nowhere.pem"), missing.err());
    }

    /** Runs openssl, skipping the test where it is not installed; returns its output. */
    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
