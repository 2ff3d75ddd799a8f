package io.sealwatch.reports.bundle;

import io.sealwatch.files.FileTrees;
import io.sealwatch.model.Stage;
import io.sealwatch.result.Renderer;
import io.sealwatch.reports.signing.PdfSigner;
import io.sealwatch.reports.signing.Permissions;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes the evidence bundle: render into a hidden sibling folder ({@code .<out>.tmp-*}), sign every PDF, write the
 * manifest and its signature, make everything owner-only, then swap the folder in for {@code out} (the bundle it
 * replaces is set aside as {@code .<out>.old-*} meanwhile). Readers of {@code out} see the old bundle or the new one,
 * never a half-written one; a failure leaves {@code out} untouched. Every file comes from one renderer; the
 * hidden folders are this class's alone, and {@link #tidy} removes those a killed run left.
 */
public final class Bundle {
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    private Bundle() {
    }

    /** Told as each of the bundle's stages ({@link Stage#RENDER}, then {@link Stage#SIGN}) begins. */
    @FunctionalInterface
    public interface StageListener {
        void begin(Stage stage);
    }

    /** A bundle that follows the one it replaces in {@code out}, if any. */
    public static Manifest write(RunResult r, Path out, Signer signer, List<Renderer> renderers)
            throws IOException, SigningException {
        return write(r, out, signer, renderers, null, stage -> { });
    }

    /**
     * @param signer   null for an unsigned bundle ({@code --no-sign}): the manifest says signed=false, no .p7s
     * @param previous the bundle this one follows ({@code --previous}, or the last one kept in {@code --state});
     *                 null: the bundle it replaces in {@code out}, read before the swap, or none
     * @param stages   told when rendering and when signing (the manifest, its signature and the swap) begin
     * @return the written manifest
     */
    public static Manifest write(RunResult r, Path out, Signer signer, List<Renderer> renderers, Predecessor previous,
                                 StageListener stages) throws IOException, SigningException {
        Path target = out.toAbsolutePath().normalize();
        Predecessor follows = previous != null || !Files.exists(target.resolve(Manifest.FILE)) ? previous
                : Predecessor.followingBundle(target, r.info().period());
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = parent.resolve("." + name + TMP + random());
        Files.createDirectory(tmp);
        try {
            stages.begin(Stage.RENDER);
            renderAll(r, distinctFiles(r, renderers), tmp);
            stages.begin(Stage.SIGN);
            if (signer != null) {
                for (String rel : Manifest.files(tmp)) {
                    if (rel.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                        PdfSigner.sign(tmp.resolve(rel), signer, r.info().period().asOf());
                    }
                }
            }
            Manifest manifest = Manifest.of(r.info(), r.inputs(), tmp, signer != null, follows);
            byte[] json = manifest.toJson();
            Files.write(tmp.resolve(Manifest.FILE), json);
            if (signer != null) {
                Files.write(tmp.resolve(Manifest.SIGNATURE), signer.signDetachedWithSigningTime(json));
            }
            ownerOnly(tmp);
            swapIn(tmp, target, parent.resolve("." + name + OLD + random()));
            return manifest;
        } finally {
            FileTrees.delete(tmp);
        }
    }

    /**
     * Removes what a killed run left next to {@code out}: a half-rendered bundle ({@code .<out>.tmp-*}), and a
     * previous bundle set aside by an interrupted swap ({@code .<out>.old-*}), which is put back when {@code out}
     * is missing. Call it only while no other run can write {@code out} (under its lock): the folders then
     * belong to no live run. Each removal or restoration is reported on {@code err}.
     */
    public static void tidy(Path out, PrintStream err) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = "." + target.getFileName();
        List<Path> stale;
        try (var list = Files.list(parent)) {
            stale = list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(name + TMP) || n.startsWith(name + OLD);
            }).sorted().toList();
        }
        for (Path p : stale) {
            if (p.getFileName().toString().startsWith(name + OLD) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, target);
                err.println("restored " + target + " from " + p.getFileName() + " (an interrupted run had set it aside)");
            } else {
                FileTrees.delete(p);
                err.println("removed " + p + " (left by an interrupted run)");
            }
        }
    }

    /** {@code renderers}, refused when two would write the same file: each file of a bundle has one producer. */
    private static List<Renderer> distinctFiles(RunResult r, List<Renderer> renderers) {
        Set<String> seen = new HashSet<>();
        for (Renderer renderer : renderers) {
            for (String f : renderer.files(r)) {
                if (!seen.add(f)) {
                    throw new IllegalArgumentException(f + " has two producers; " + renderer.name() + " is the second");
                }
            }
        }
        return renderers;
    }

    /**
     * The renderers side by side (each writes its own files; the PDF takes the longest, so the others
     * come almost free); the first failure in renderer order is reported, as a sequential run would.
     */
    private static void renderAll(RunResult r, List<Renderer> renderers, Path dir) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(renderers.size(),
                Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Renderer renderer : renderers) {
                done.add(pool.submit(() -> {
                    renderer.render(r, dir);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while rendering", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void swapIn(Path fresh, Path target, Path aside) throws IOException {
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            move(target, aside);
        }
        try {
            move(fresh, target);
        } catch (IOException e) {
            if (hadOld) {
                move(aside, target);
            }
            throw e;
        }
        if (hadOld) {
            FileTrees.delete(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void ownerOnly(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Permissions.ownerOnly(p);
            }
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
