package io.sealwatch.reports.signing;

import io.sealwatch.reports.Fixtures;
import io.sealwatch.result.Renderer;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.bundle.Manifest;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import io.sealwatch.reports.pdf.PdfRenderer;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * verify with a pinned signer ({@code --trust}, {@code --fingerprint}, {@code --tsa-trust}), on real bundles
 * signed with real keys: the organisation's trial key, a forger's freshly made key, and a tiny CA.
 */
class PinnedSignerTest {
    static final char[] PW = "pw-for-tests".toCharArray();

    @TempDir
    static Path shared;
    static Signer ours;
    static Signer forger;
    static Path good;
    static Path forged;
    static Path oursPem;
    static Path rootPem;
    static KeyPair rootKey;
    static X509Certificate root;

    @TempDir
    Path dir;

    @BeforeAll
    static void bundles() throws Exception {
        ours = Fixtures.signer(shared.resolve("ours"));
        forger = Fixtures.signer(shared.resolve("forger"));
        good = Fixtures.bundle(shared.resolve("good"), ours);
        forged = Fixtures.bundle(shared.resolve("forged"), ours);
        forge(forged, forger);
        oursPem = TestPki.pemFile(shared.resolve("ours.pem"), ours.certificate());
        rootKey = TestPki.ecKey();
        Instant now = Instant.now();
        root = TestPki.certificate("Example Corp Root CA", rootKey, null, null, true, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)));
        rootPem = TestPki.pemFile(shared.resolve("root.pem"), root);
    }

    /**
     * What a forger with a key of their own does to a bundle: empty findings.json, re-render and sign the PDF,
     * recompute the manifest and sign it. Every signature verifies; only the signer differs.
     */
    static void forge(Path bundle, Signer key) throws Exception {
        RunResult emptied = Fixtures.empty();
        Files.writeString(bundle.resolve("findings.json"), "[]\n");
        Path scratch = Files.createTempDirectory(shared, "render");
        for (Renderer r : Renderers.of(List.of(PdfRenderer.NAME))) {
            r.render(emptied, scratch);
        }
        PdfSigner.sign(scratch.resolve("report.pdf"), key, emptied.info().period().asOf());
        Files.copy(scratch.resolve("report.pdf"), bundle.resolve("report.pdf"), StandardCopyOption.REPLACE_EXISTING);
        Manifest m = Manifest.parse(Files.readAllBytes(bundle.resolve(Manifest.FILE)));
        List<Manifest.Artifact> artifacts = new ArrayList<>();
        for (Manifest.Artifact a : m.artifacts()) {
            Path f = bundle.resolve(a.path());
            artifacts.add(new Manifest.Artifact(a.path(), Manifest.sha256(f), Files.size(f)));
        }
        byte[] json = new Manifest(m.engineVersion(), m.configSha256(), m.rulePackSha256(), m.period(), m.asOf(), true,
                m.inputs(), artifacts, m.previous()).toJson();
        Files.write(bundle.resolve(Manifest.FILE), json);
        Files.write(bundle.resolve(Manifest.SIGNATURE), key.signDetachedWithSigningTime(json));
    }

    static VerifyResult verify(Path bundle, Path trust, String fingerprint, Path tsaTrust) throws Exception {
        return Verifier.verify(bundle, new Verifier.Options(false, SignerPin.of(trust, fingerprint, tsaTrust)));
    }

    @Test
    void aBundleResignedEndToEndWithAnotherKeyVerifiesOnlyUnpinned() throws Exception {
        VerifyResult unpinned = Verifier.verify(forged);
        assertTrue(unpinned.ok(), "every signature of the forgery is valid: " + unpinned.problems());
        assertEquals(forger.certificate(), unpinned.signer());
        assertEquals(KeyTool.SUBJECT, unpinned.signer().getSubjectX500Principal().getName(),
                "the forger's certificate even has our subject: only the fingerprint tells them apart");

        String theirs = Certificates.fingerprint(forger.certificate());
        VerifyResult trust = verify(forged, oursPem, null, null);
        assertFalse(trust.ok());
        assertEquals(Manifest.FILE, trust.firstBadArtifact());
        assertTrue(trust.problems().get(0).startsWith("manifest.json is signed by " + KeyTool.SUBJECT
                + " (SHA-256 fingerprint " + theirs + "), which --trust " + oursPem + " does not vouch for"),
                trust.problems().toString());
        assertTrue(trust.problems().stream().anyMatch(p -> p.startsWith("report.pdf is signed by " + KeyTool.SUBJECT
                + " (SHA-256 fingerprint " + theirs + ")")), "the PDF's own signature is held against the pin too: "
                + trust.problems());

        String ourFingerprint = Certificates.fingerprint(ours.certificate());
        VerifyResult pinned = verify(forged, null, ourFingerprint, null);
        assertFalse(pinned.ok());
        assertEquals(List.of("manifest.json is signed by " + Certificates.describe(forger.certificate())
                        + ", not by the --fingerprint pinned",
                "report.pdf is signed by " + Certificates.describe(forger.certificate()) + ", not by the --fingerprint pinned"),
                pinned.problems());
    }

    @Test
    void theRightPinPassesInAnySpelling() throws Exception {
        String fp = Certificates.fingerprint(ours.certificate());
        for (String spelling : List.of(fp, fp.replace(":", "").toLowerCase(Locale.ROOT), fp.toLowerCase(Locale.ROOT))) {
            VerifyResult v = verify(good, oursPem, spelling, null);
            assertTrue(v.ok(), spelling + ": " + v.problems());
        }
        assertThrows(SigningException.class, () -> SignerPin.of(null, fp.substring(3), null), "too short");
        assertThrows(SigningException.class, () -> SignerPin.of(null, fp.replace('A', 'G'), null), "not hex");
        assertThrows(SigningException.class, () -> SignerPin.of(dir.resolve("missing.pem"), null, null));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThrows(SigningException.class, () -> SignerPin.of(empty, null, null));
    }

    @Test
    void aCaIssuedSignerPassesTrustInItsCaThroughAnIntermediate() throws Exception {
        Instant now = Instant.now();
        KeyPair issuingKey = TestPki.ecKey();
        X509Certificate issuing = TestPki.certificate("Example Corp Issuing CA", issuingKey, root, rootKey.getPrivate(),
                true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1000)));
        KeyPair leafKey = TestPki.ecKey();
        X509Certificate leaf = TestPki.certificate("Sealwatch signing Example Corp", leafKey, issuing,
                issuingKey.getPrivate(), false, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        Signer ca = Signer.load(TestPki.keystore(dir.resolve("ca.p12"), leafKey.getPrivate(), PW, leaf, issuing, root),
                PW, KeyTool.ALIAS);
        Path bundle = Fixtures.bundle(dir.resolve("bundle"), ca);

        VerifyResult v = verify(bundle, rootPem, null, null);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(leaf, v.signer());
        assertTrue(verify(bundle, TestPki.pemFile(dir.resolve("issuing.pem"), issuing), null, null).ok(),
                "an intermediate CA can be the trust anchor too");
        VerifyResult other = verify(bundle, oursPem, null, null);
        assertFalse(other.ok(), "a CA-issued signer does not pass another pin");
        assertTrue(other.problems().get(0).contains("does not vouch for"), other.problems().toString());
        KeyPair otherRootKey = TestPki.ecKey();
        Path otherRoot = TestPki.pemFile(dir.resolve("other-root.pem"), TestPki.certificate("Example Corp Root CA",
                otherRootKey, null, null, true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))));
        assertFalse(verify(bundle, otherRoot, null, null).ok(), "a root of the same name but another key does not vouch");

        // the issuing CA's own key signing a bundle: it chains to the root, but is not for signing documents
        Signer caKey = Signer.load(TestPki.keystore(dir.resolve("issuing.p12"), issuingKey.getPrivate(), PW, issuing,
                root), PW, KeyTool.ALIAS);
        Path byCa = dir.resolve("by-ca");
        Bundle.write(Fixtures.oneFinding(), byCa, caKey, List.of());
        VerifyResult usage = verify(byCa, rootPem, null, null);
        assertFalse(usage.ok());
        assertTrue(usage.problems().get(0).endsWith("a certificate whose key usage allows neither digital signatures "
                + "nor non-repudiation"), usage.problems().toString());
    }

    @Test
    void theCertificateIsCheckedWhenTheBundleWasSignedNotNow() throws Exception {
        Instant stamped = LocalTsa.GEN_TIME.toInstant();
        assumeTrue(Instant.now().isAfter(stamped.plus(Duration.ofDays(2))), "the clock is after the test TSA's fixed time");
        KeyPair oldRootKey = TestPki.ecKey();
        X509Certificate oldRoot = TestPki.certificate("Example Corp Root CA 2020", oldRootKey, null, null, true,
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"));
        KeyPair leafKey = TestPki.ecKey();
        X509Certificate leaf = TestPki.certificate("Sealwatch signing 2026-Q3", leafKey, oldRoot, oldRootKey.getPrivate(),
                false, stamped.minus(Duration.ofDays(1)), stamped.plus(Duration.ofDays(1)));
        Path oldRootPem = TestPki.pemFile(dir.resolve("old-root.pem"), oldRoot);
        Path tsaPem = Files.writeString(dir.resolve("tsa.pem"), TestPki.pem(LocalTsa.CERT.getEncoded()));
        Signer key = Signer.load(TestPki.keystore(dir.resolve("q3.p12"), leafKey.getPrivate(), PW, leaf, oldRoot), PW,
                KeyTool.ALIAS);

        Path bundle = dir.resolve("bundle");
        try (LocalTsa tsa = new LocalTsa(LocalTsa.Mode.GRANT)) {
            Signer stamping = key.withTimestamps(tsa.url());
            Fixtures.bundle(bundle, stamping);
            VerifyResult now = Verifier.verify(bundle);
            assertFalse(now.ok(), "the manifest's signing-time is today, when the certificate had expired");
            assertTrue(now.problems().get(0).contains("not valid at the signing time"), now.problems().toString());

            // a manifest signature without signing-time (as bundles had before it was added), time-stamped back then
            byte[] json = Files.readAllBytes(bundle.resolve(Manifest.FILE));
            Files.write(bundle.resolve(Manifest.SIGNATURE), stamping.signDetached(json));
        }
        VerifyResult v = verify(bundle, oldRootPem, null, tsaPem);
        assertTrue(v.ok(), "valid when the TSA saw it: " + v.problems());
        assertEquals(stamped, v.signature().attestedTime());
        VerifyResult otherTsa = verify(bundle, oldRootPem, null, oursPem);
        assertFalse(otherTsa.ok());
        assertTrue(otherTsa.problems().get(0).startsWith("manifest.json is time-stamped by CN=Sealwatch test TSA"),
                otherTsa.problems().toString());

        Files.write(bundle.resolve(Manifest.SIGNATURE), key.signDetached(Files.readAllBytes(bundle.resolve(Manifest.FILE))));
        VerifyResult unattested = verify(bundle, oldRootPem, null, null);
        assertFalse(unattested.ok(), "with neither time-stamp nor signing-time it is checked now, after it expired");
        assertTrue(unattested.problems().get(0).contains("the certificate is valid only from"),
                unattested.problems().toString());
        assertEquals(List.of("manifest.json is not time-stamped, but --tsa-trust asks for a time-stamp"),
                verify(bundle, null, null, tsaPem).problems());
    }

    @Test
    void anUnsignedBundleCannotSatisfyAPin() throws Exception {
        Path unsigned = Fixtures.bundle(dir.resolve("unsigned"), null);
        assertTrue(Verifier.verify(unsigned, new Verifier.Options(true, SignerPin.NONE)).ok());
        VerifyResult pinned = Verifier.verify(unsigned, new Verifier.Options(true, SignerPin.of(oursPem, null, null)));
        assertFalse(pinned.ok());
        assertEquals(List.of("unsigned: there is no manifest.json.p7s to hold against --trust " + oursPem),
                pinned.problems());
    }
}
