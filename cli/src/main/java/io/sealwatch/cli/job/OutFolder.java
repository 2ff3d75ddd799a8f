package io.sealwatch.cli.job;

import io.sealwatch.cli.base.ProcessLock;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.bundle.Manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code --out} folder, claimed for one run. {@code --out} must never destroy anything, so a run
 * may only replace a folder that is missing, empty, or a bundle Sealwatch wrote (a {@code manifest.json}
 * and nothing but the files it lists); everything else is refused before any work. A lock file beside
 * it ({@code .<name>.lock}, a {@link ProcessLock}) keeps two runs from writing the same {@code --out}.
 */
public final class OutFolder implements AutoCloseable {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path target;
    private final ProcessLock lock;
    private final Thread onExit;

    private OutFolder(Path target, ProcessLock lock) {
        this.target = target;
        this.lock = lock;
        // Ctrl-C or a fatal error: what the run left beside --out goes with it (Bundle.tidy), and the lock is released.
        this.onExit = new Thread(() -> {
            try {
                Bundle.tidy(target, new PrintStream(OutputStream.nullOutputStream()));
            } catch (IOException | RuntimeException e) {
                // best effort: the next run over this --out removes whatever is left
            }
            lock.close();
        }, "sealwatch-out-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Why {@code --out} cannot be used: a usage error (exit 2), nothing was touched. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Checks {@code out}, creates its parents, takes the lock and removes what an interrupted run left
     * beside it. Throws {@link Refused} with one sentence when the folder may not be written.
     */
    public static OutFolder claim(Path out, PrintStream err) throws Refused {
        Path target = out.toAbsolutePath().normalize();
        refuseIfUnsafe(out, target);
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot create its parent folder " + parent + " (" + reason(e) + ")");
        }
        Path lockFile = parent.resolve("." + target.getFileName() + ".lock");
        OutFolder claimed = lock(out, lockFile, target);
        try {
            refuseIfUnsafe(out, target);   // checked again under the lock: another run may have written meanwhile
            Bundle.tidy(target, err);   // under the lock: what is left beside --out belongs to no live run
            return claimed;
        } catch (Refused | IOException | RuntimeException e) {
            claimed.close();
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused("--out " + out + ": cannot tidy what an interrupted run left beside it (" + reason(e) + ")");
        }
    }

    /** {@code --out} as claimed: absolute and normalised. */
    public Path path() {
        return target;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        lock.close();
    }

    private static OutFolder lock(Path out, Path lockFile, Path target) throws Refused {
        try {
            return new OutFolder(target, ProcessLock.acquire(lockFile));
        } catch (ProcessLock.Held held) {
            throw new Refused("--out " + out + " is being written by another run (process " + held.pid()
                    + ", lock " + lockFile + "); wait for it to finish");
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot create the lock file " + lockFile + " (" + reason(e) + ")");
        }
    }

    /** Refuses everything but a missing path, an empty folder and a bundle Sealwatch wrote, without taking the lock. */
    public static void check(Path out) throws Refused {
        refuseIfUnsafe(out, out.toAbsolutePath().normalize());
    }

    private static void refuseIfUnsafe(Path out, Path target) throws Refused {
        if (target.getParent() == null) {
            throw new Refused("--out " + out + " is the root folder; name a folder for the bundle");
        }
        for (Path home : homes()) {
            if (target.equals(home)) {
                throw new Refused("--out " + out + " is your home folder; name a folder for the bundle");
            }
        }
        if (Files.isSymbolicLink(target)) {
            throw new Refused("--out " + out + " is a symbolic link; name the folder itself");
        }
        if (!Files.exists(target, NO_FOLLOW)) {
            return;
        }
        if (!Files.isDirectory(target, NO_FOLLOW)) {
            throw new Refused("--out " + out + " is an existing file, not a folder; Sealwatch will not replace it");
        }
        try {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            }
            String foreign = foreignEntry(target);
            if (foreign != null) {
                throw new Refused("--out " + out + " holds files that are not a Sealwatch bundle (" + foreign
                        + "); name an empty or new folder — Sealwatch replaces only its own bundles");
            }
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot look inside it (" + reason(e) + ")");
        }
    }

    /** The first entry of {@code dir} that its manifest does not account for, or null for a Sealwatch bundle. */
    private static String foreignEntry(Path dir) throws IOException {
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile, NO_FOLLOW)) {
            return "no " + Manifest.FILE;
        }
        if (Files.size(manifestFile) > Manifest.MAX_BYTES) {
            return Manifest.FILE + " is too large to be one of ours";
        }
        Map<String, Boolean> entries = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {   // walk does not follow links
            for (Path p : walk.skip(1).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                boolean folder = Files.isDirectory(p, NO_FOLLOW);
                if (!folder && !Files.isRegularFile(p, NO_FOLLOW)) {
                    return rel;   // a link or a device is never ours
                }
                entries.put(rel, folder);
            }
        }
        return foreign(Files.readAllBytes(manifestFile), entries);
    }

    /**
     * The first of a bundle folder's {@code entries} (relative path with {@code /} → whether it is a folder) that
     * its {@code manifest} does not account for, or null when every one is the manifest, its signature, a file the
     * manifest lists or a folder on the way to one. The one rule for a local {@code --out} and an object store's.
     */
    static String foreign(byte[] manifest, Map<String, Boolean> entries) {
        Set<String> listed = new HashSet<>(List.of(Manifest.FILE, Manifest.SIGNATURE));
        try {
            Manifest.parse(manifest).artifacts().forEach(a -> listed.add(a.path()));
        } catch (IOException | RuntimeException e) {
            return Manifest.FILE + " is not a Sealwatch manifest";
        }
        Set<String> folders = new HashSet<>();
        for (String p : listed) {
            for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
                folders.add(p.substring(0, i));
            }
        }
        for (Map.Entry<String, Boolean> e : entries.entrySet()) {
            if (!(e.getValue() ? folders : listed).contains(e.getKey())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static List<Path> homes() {
        Set<Path> homes = new HashSet<>();
        for (String h : new String[]{System.getProperty("user.home"), System.getenv("HOME")}) {
            if (h != null && !h.isBlank()) {
                homes.add(Path.of(h).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(homes);
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
