package io.sealwatch.reports.bundle;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of {@link Verifier#verify}.
 *
 * @param problems         one sentence each, naming the file
 * @param firstBadArtifact the bundle-relative path of the first file with a problem, or null when ok
 * @param unsigned         the bundle has no manifest signature and its manifest does not claim one; it can
 *                         only be ok when unsigned bundles were allowed, and then nothing attests it
 * @param signer           the certificate whose signature over manifest.json verified, or null
 */
public record VerifyResult(boolean ok, List<String> problems, String firstBadArtifact, boolean unsigned,
                           X509Certificate signer) {
}
