package io.sealwatch.reports.bundle;

import io.sealwatch.files.FileTrees;
import io.sealwatch.reports.Renderer;
import io.sealwatch.reports.signing.PdfSigner;
import io.sealwatch.reports.signing.Permissions;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes the evidence bundle: render into a hidden sibling folder, add what the engine left in
 * {@code extraDir} (tables/, quarantine/), sign every PDF, write the manifest and its signature, make
 * everything owner-only, then swap the folder in for {@code out}. Readers of {@code out} see the old
 * bundle or the new one, never a half-written one; a failure leaves {@code out} untouched.
 */
public final class Bundle {

    private Bundle() {
    }

    /** A bundle that follows the one it replaces in {@code out}, if any. */
    public static Manifest write(RunResult r, Path out, Signer signer, List<Renderer> renderers, Path extraDir)
            throws IOException, SigningException {
        return write(r, out, signer, renderers, extraDir, null);
    }

    /**
     * @param signer   null for an unsigned bundle ({@code --no-sign}): the manifest says signed=false, no .p7s
     * @param extraDir may be null; its entries are moved into the bundle
     * @param previous the bundle this one follows ({@code --previous}, or the last one kept in {@code --state});
     *                 null: the bundle it replaces in {@code out}, read before the swap, or none
     * @return the written manifest
     */
    public static Manifest write(RunResult r, Path out, Signer signer, List<Renderer> renderers, Path extraDir,
                                 Predecessor previous) throws IOException, SigningException {
        Path target = out.toAbsolutePath().normalize();
        Predecessor follows = previous != null || !Files.exists(target.resolve(Manifest.FILE)) ? previous
                : Predecessor.followingBundle(target, r.info().period());
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = parent.resolve("." + name + ".tmp-" + random());
        Files.createDirectory(tmp);
        try {
            renderAll(r, renderers, tmp);
            if (extraDir != null && Files.isDirectory(extraDir)) {
                moveContents(extraDir, tmp);
            }
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
            swapIn(tmp, target, parent.resolve("." + name + ".old-" + random()));
            return manifest;
        } finally {
            FileTrees.delete(tmp);
        }
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

    private static void moveContents(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.sorted().toList()) {
                Path dest = to.resolve(p.getFileName().toString());
                if (Files.exists(dest)) {
                    throw new FileAlreadyExistsException(dest.toString(), p.toString(),
                            "an engine output has the same name as a rendered file");
                }
                try {
                    Files.move(p, dest);
                } catch (IOException crossDevice) {
                    FileTrees.copy(p, dest);
                    FileTrees.delete(p);
                }
            }
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
