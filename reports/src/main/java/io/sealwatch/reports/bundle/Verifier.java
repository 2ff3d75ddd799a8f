package io.sealwatch.reports.bundle;

import io.sealwatch.reports.signing.CmsVerifier;
import io.sealwatch.reports.signing.PdfSigner;
import io.sealwatch.reports.signing.SigningException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a bundle ({@code sealwatch verify DIR}): the CMS signature over manifest.json, every
 * artifact's size and sha256, no file missing or added, and every PDF's own PAdES signature (made by
 * the same certificate as the manifest's). Problems are collected, not thrown, so the report names
 * everything that is wrong; {@code firstBadArtifact} is the first file named.
 */
public final class Verifier {

    private Verifier() {
    }

    /** An unsigned bundle (manifest signed=false) verifies on hashes alone. */
    public static VerifyResult verify(Path dir) {
        return verify(dir, false);
    }

    /** @param requireSigned treat an unsigned bundle as a problem */
    public static VerifyResult verify(Path dir, boolean requireSigned) {
        Problems problems = new Problems();
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(Manifest.FILE, "missing: " + Manifest.FILE + " (not a Sealwatch bundle)");
            return problems.result();
        }
        try {
            byte[] json = Files.readAllBytes(manifestFile);
            Manifest manifest = Manifest.parse(json);
            X509Certificate signer = manifestSignature(dir, json, manifest, requireSigned, problems);
            Set<String> listed = new HashSet<>();
            for (Manifest.Artifact a : manifest.artifacts()) {
                listed.add(a.path());
                artifact(dir, a, manifest.signed(), signer, problems);
            }
            for (String rel : Manifest.files(dir)) {
                if (!listed.contains(rel) && !rel.equals(Manifest.FILE) && !rel.equals(Manifest.SIGNATURE)) {
                    problems.add(rel, "not in the manifest: " + rel);
                }
            }
        } catch (IOException e) {
            problems.add(Manifest.FILE, "cannot read the bundle: " + e.getMessage());
        }
        return problems.result();
    }

    private static X509Certificate manifestSignature(Path dir, byte[] json, Manifest manifest, boolean requireSigned,
                                                     Problems problems) throws IOException {
        Path p7s = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(p7s)) {
            if (manifest.signed()) {
                problems.add(Manifest.SIGNATURE, "missing: " + Manifest.SIGNATURE + " (the manifest says the bundle is signed)");
            } else if (requireSigned) {
                problems.add(Manifest.FILE, "the bundle is unsigned");
            }
            return null;
        }
        try {
            return CmsVerifier.verify(Files.readAllBytes(p7s), json);
        } catch (SigningException e) {
            problems.add(Manifest.FILE, Manifest.SIGNATURE + " does not verify over " + Manifest.FILE + ": " + e.getMessage());
            return null;
        }
    }

    private static void artifact(Path dir, Manifest.Artifact a, boolean signed, X509Certificate signer, Problems problems)
            throws IOException {
        Path file = dir.resolve(a.path()).normalize();
        if (!file.startsWith(dir.normalize()) || a.path().startsWith("/")) {
            problems.add(a.path(), "the manifest names a path outside the bundle: " + a.path());
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(a.path(), "missing: " + a.path());
            return;
        }
        if (Files.size(file) != a.bytes() || !Manifest.sha256(file).equals(a.sha256())) {
            problems.add(a.path(), "modified: " + a.path() + " (sha256 or size differs from the manifest)");
        }
        if (signed && a.path().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            try {
                for (X509Certificate c : PdfSigner.verify(Files.readAllBytes(file))) {
                    if (signer != null && !c.equals(signer)) {
                        problems.add(a.path(), a.path() + " is signed by another certificate than the manifest");
                    }
                }
            } catch (SigningException e) {
                problems.add(a.path(), a.path() + ": PDF signature invalid: " + e.getMessage());
            }
        }
    }

    private static final class Problems {
        private final List<String> messages = new ArrayList<>();
        private String first;

        void add(String artifact, String message) {
            if (first == null) {
                first = artifact;
            }
            messages.add(message);
        }

        VerifyResult result() {
            return new VerifyResult(messages.isEmpty(), List.copyOf(messages), first);
        }
    }
}
