package io.sealwatch.reports.bundle;

import java.util.List;

/**
 * The outcome of {@link Verifier#verify}.
 *
 * @param problems         one sentence each, naming the file
 * @param firstBadArtifact the bundle-relative path of the first file with a problem, or null when ok
 */
public record VerifyResult(boolean ok, List<String> problems, String firstBadArtifact) {
}
