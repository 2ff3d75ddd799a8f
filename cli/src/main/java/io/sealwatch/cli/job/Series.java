package io.sealwatch.cli.job;

import io.sealwatch.reports.bundle.Manifest;
import io.sealwatch.reports.bundle.Predecessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Which bundle a run's bundle follows: {@code --previous DIR} when given; else the bundle it replaces in
 * {@code --out} (the bundle writer reads it before the swap); else, when {@code --out} is a new folder
 * each time, the last bundle this {@code --state} remembers. After a run, {@code --state} remembers
 * the new bundle's manifest for the next.
 */
final class Series {

    /** The last bundle's manifest.json, kept in --state. */
    static final String KEPT = "last-bundle-manifest.json";

    private Series() {
    }

    /** Why {@code --previous} cannot be followed: a usage error (exit 2). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** @return the predecessor, or null when the bundle writer is to take the one in {@code --out} (or none) */
    static Predecessor predecessor(RunOptions options) throws Refused {
        if (options.previous() != null) {
            try {
                return Predecessor.followingBundle(options.previous(), options.period());
            } catch (IOException e) {
                throw new Refused("--previous " + options.previous() + ": " + e.getMessage());
            }
        }
        Path kept = options.state() == null ? null : options.state().resolve(KEPT);
        if (Files.exists(options.out().resolve(Manifest.FILE)) || kept == null
                || !Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Predecessor.following(Files.readAllBytes(kept), options.period());
        } catch (IOException e) {
            throw new Refused("--state " + options.state() + ": " + KEPT + " is not a bundle manifest ("
                    + e.getMessage() + "); remove it to start a new series");
        }
    }

    /** Keeps the bundle's manifest in {@code --state}, when there is one, for the next run's link. */
    static void remember(RunOptions options) throws IOException {
        if (options.state() == null) {
            return;
        }
        Files.createDirectories(options.state());
        Path tmp = Files.createTempFile(options.state(), "." + KEPT, ".tmp");
        try {
            Files.copy(options.out().resolve(Manifest.FILE), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, options.state().resolve(KEPT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
