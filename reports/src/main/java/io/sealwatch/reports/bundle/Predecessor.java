package io.sealwatch.reports.bundle;

import io.sealwatch.model.Period;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bundle a bundle follows, as its manifest records it: that bundle's period and the sha256 of its
 * manifest.json. Since the manifest lists every artifact's hash, one hash pins the whole predecessor, and
 * a series of bundles is a hash chain (as CloudTrail chains its digest files): removing, replacing or
 * altering one breaks the link of the next.
 */
public record Predecessor(Period period, String manifestSha256) {

    /**
     * What a new bundle for {@code period} records when it follows the bundle whose manifest is {@code json}:
     * that bundle; or, when it is of the same period (a re-run replaces it), what that bundle followed.
     *
     * @throws IOException when {@code json} is not a Sealwatch manifest
     */
    public static Predecessor following(byte[] json, Period period) throws IOException {
        Manifest m = Manifest.parse(json);
        return m.period().equals(period) ? m.previous() : new Predecessor(m.period(), sha256(json));
    }

    /** {@link #following} the bundle in {@code dir}; one sentence naming the folder when it holds none. */
    public static Predecessor followingBundle(Path dir, Period period) throws IOException {
        return following(manifest(dir), period);
    }

    /** The bytes of {@code dir}'s manifest.json, refusing a link or an oversized file. */
    static byte[] manifest(Path dir) throws IOException {
        Path file = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a Sealwatch bundle: it has no " + Manifest.FILE);
        }
        if (Files.size(file) > Manifest.MAX_BYTES) {
            throw new IOException(dir + "/" + Manifest.FILE + " is larger than a manifest may be");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Manifest.MAX_BYTES);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "2026-07-01T00:00:00Z to 2026-10-01T00:00:00Z, manifest sha256 …" */
    public String describe() {
        return "period " + Chain.period(period) + ", manifest sha256 " + manifestSha256;
    }
}
