package io.sealwatch.reports.bundle;

import io.sealwatch.reports.signing.CmsSignature;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of {@link Verifier#verify}.
 *
 * @param problems         one sentence each, naming the file
 * @param firstBadArtifact the bundle-relative path of the first file with a problem, or null when ok
 * @param unsigned         the bundle has no manifest signature and its manifest does not claim one; it can
 *                         only be ok when unsigned bundles were allowed, and then nothing attests it
 * @param signature        the manifest's signature, when it verified over manifest.json (even if its signer
 *                         is not the pinned one); else null
 */
public record VerifyResult(boolean ok, List<String> problems, String firstBadArtifact, boolean unsigned,
                           CmsSignature signature) {

    /** The manifest's signer, or null. */
    public X509Certificate signer() {
        return signature == null ? null : signature.signer();
    }
}
