package io.sealwatch.cli.watch;

import io.sealwatch.model.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One alert as the service derives it from a judgement (the JSON of §8: {@code id, kind, severity,
 * account, episode, rule, at, detectedAt, message, url}). {@code id} depends only on what the alert is
 * about, so deriving it again from a later judgement, or after a restart, gives the same id.
 *
 * @param at         when the thing alerted about happened or became certain
 * @param detectedAt the judgement that saw it
 */
public record WatchAlert(String id, Kind kind, Severity severity, String account, String episode, String rule,
                         Instant at, Instant detectedAt, String message, String url) {

    /** What an alert is about. */
    public enum Kind {
        EPISODE_STARTED, FINDING, DEADLINE_PASSED, SOURCE_SILENT, INPUT_ERROR;

        /** As in the JSON: {@code episode-started}, … */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The stable id: the kind and a hash of the parts that identify the thing (nulls allowed). */
    public static String id(Kind kind, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return kind.wire() + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
