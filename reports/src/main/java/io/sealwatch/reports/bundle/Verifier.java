package io.sealwatch.reports.bundle;

import io.sealwatch.reports.signing.CmsSignature;
import io.sealwatch.reports.signing.CmsVerifier;
import io.sealwatch.reports.signing.PdfSigner;
import io.sealwatch.reports.signing.SignerPin;
import io.sealwatch.reports.signing.SigningException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies a bundle ({@code sealwatch verify DIR}): the CMS signature over manifest.json, every
 * artifact's size and sha256, no file missing or added, every PDF's own PAdES signature (made by the
 * same certificate as the manifest's) and, when a signer is pinned, the signatures against the pin. A
 * bundle without a valid manifest signature fails, whatever its manifest says about itself, unless
 * unsigned bundles are allowed. Only regular files count: the bundle is walked without following
 * links, and a link, an added folder, a special file or a manifest entry outside the bundle is a
 * problem. Problems are collected, not thrown, so the report names everything that is wrong;
 * {@code firstBadArtifact} is the first file named.
 */
public final class Verifier {

    /** The largest manifest.json.p7s read: a CMS signature with a time-stamp token and its TSA's chain is a few KB. */
    static final long MAX_SIGNATURE_BYTES = 1L << 20;
    /**
     * The largest PDF whose signature is checked: a report with its fonts and embedded JSON is some MB, and
     * the check holds the file in memory twice (its bytes and PDFBox's parse of them).
     */
    static final long MAX_PDF_BYTES = 256L << 20;

    /**
     * @param allowUnsigned accept a bundle that has no manifest signature and does not claim one ({@code --allow-unsigned})
     * @param pin           who must have signed it
     */
    public record Options(boolean allowUnsigned, SignerPin pin) {
        /** Only signed bundles verify, by anyone. */
        public static final Options SIGNED_ONLY = new Options(false, SignerPin.NONE);
    }

    private Verifier() {
    }

    /** Only a signed bundle verifies. */
    public static VerifyResult verify(Path dir) {
        return verify(dir, Options.SIGNED_ONLY);
    }

    public static VerifyResult verify(Path dir, Options options) {
        Problems problems = new Problems();
        try {
            Path root = dir.toRealPath();
            Map<String, BasicFileAttributes> entries = walk(root, problems);
            byte[] json = manifestBytes(root, entries.get(Manifest.FILE), problems);
            if (json == null) {
                return problems.result(false, null);
            }
            Manifest manifest;
            try {
                manifest = Manifest.parse(json);
            } catch (IOException e) {
                problems.add(Manifest.FILE, e.getMessage());
                return problems.result(false, null);
            }
            BasicFileAttributes p7s = entries.get(Manifest.SIGNATURE);
            boolean unsigned = p7s == null && !manifest.signed();
            CmsSignature signature = signature(root, p7s, json, manifest, options, problems);
            Set<String> listed = new HashSet<>();
            Set<String> folders = new HashSet<>();
            for (Manifest.Artifact a : manifest.artifacts()) {
                if (!insideBundle(a.path())) {
                    String shown = Manifest.shown(a.path());
                    problems.add(shown, "the manifest names a path outside the bundle: " + shown);
                    continue;
                }
                listed.add(a.path());
                folders.addAll(foldersAbove(a.path()));
                artifact(root, a, entries, signature, options.pin(), problems);
            }
            entries.forEach((rel, attrs) -> {
                boolean expected = listed.contains(rel) || rel.equals(Manifest.FILE) || rel.equals(Manifest.SIGNATURE)
                        || attrs.isDirectory() && folders.contains(rel);
                if (!expected) {
                    problems.add(Manifest.shown(rel), "not in the manifest: " + Manifest.shown(rel)
                            + (attrs.isRegularFile() ? "" : attrs.isDirectory() ? "/ (a folder)" : " (" + kind(attrs) + ")"));
                }
            });
            return problems.result(unsigned, signature);
        } catch (IOException e) {
            problems.add(Manifest.FILE, "cannot read the bundle " + dir + ": " + e.getMessage());
            return problems.result(false, null);
        }
    }

    /** Every entry under {@code root} by relative path, with its own attributes: links are not followed. */
    private static Map<String, BasicFileAttributes> walk(Path root, Problems problems) throws IOException {
        Map<String, BasicFileAttributes> entries = new TreeMap<>();
        Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root)) {
                    entries.put(rel(d), attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                entries.put(rel(f), attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                problems.add(Manifest.shown(rel(f)), "cannot read " + Manifest.shown(rel(f)) + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }

            private String rel(Path p) {
                return root.relativize(p).toString().replace('\\', '/');
            }
        });
        return entries;
    }

    /** manifest.json's bytes, or null after adding the problem that keeps it from being read. */
    private static byte[] manifestBytes(Path root, BasicFileAttributes found, Problems problems) throws IOException {
        if (found == null) {
            problems.add(Manifest.FILE, "missing: " + Manifest.FILE + " (not a Sealwatch bundle)");
            return null;
        }
        if (!found.isRegularFile()) {
            problems.add(Manifest.FILE, Manifest.FILE + " is " + kind(found) + ", not a regular file");
            return null;
        }
        if (found.size() > Manifest.MAX_BYTES) {
            problems.add(Manifest.FILE, Manifest.FILE + " is " + found.size() + " bytes, more than the "
                    + (Manifest.MAX_BYTES >> 20) + " MiB a manifest may have");
            return null;
        }
        return read(root.resolve(Manifest.FILE), Manifest.MAX_BYTES);
    }

    /** @return the manifest's signature, or null when it has none that verifies over the manifest */
    private static CmsSignature signature(Path root, BasicFileAttributes found, byte[] json, Manifest manifest,
                                             Options options, Problems problems) throws IOException {
        if (found == null) {
            if (manifest.signed()) {
                problems.add(Manifest.SIGNATURE, "missing: " + Manifest.SIGNATURE
                        + " (the manifest says the bundle is signed)");
            } else if (!options.allowUnsigned()) {
                problems.add(Manifest.FILE, "unsigned: there is no " + Manifest.SIGNATURE + ", so nothing attests "
                        + Manifest.FILE + " or the hashes in it (--allow-unsigned checks them anyway)");
            } else if (options.pin().requiresSignature()) {
                problems.add(Manifest.FILE, "unsigned: there is no " + Manifest.SIGNATURE + " to hold against "
                        + options.pin().describe());
            }
            return null;
        }
        if (!found.isRegularFile()) {
            problems.add(Manifest.SIGNATURE, Manifest.SIGNATURE + " is " + kind(found) + ", not a regular file");
            return null;
        }
        if (found.size() > MAX_SIGNATURE_BYTES) {
            problems.add(Manifest.SIGNATURE, Manifest.SIGNATURE + " is " + found.size() + " bytes, more than the "
                    + (MAX_SIGNATURE_BYTES >> 20) + " MiB a signature may have");
            return null;
        }
        CmsSignature signature;
        try {
            signature = CmsVerifier.verify(read(root.resolve(Manifest.SIGNATURE), MAX_SIGNATURE_BYTES), json);
        } catch (SigningException e) {
            problems.add(Manifest.FILE, Manifest.SIGNATURE + " does not verify over " + Manifest.FILE + ": "
                    + e.getMessage());
            return null;
        }
        try {
            options.pin().check(signature, Instant.now());
        } catch (SigningException e) {
            problems.add(Manifest.FILE, Manifest.FILE + " is " + e.getMessage());
        }
        return signature;
    }

    /**
     * @param entries  the walk of the bundle
     * @param manifest the manifest's verified signature, or null: PDF signatures are checked only under a
     *                 valid manifest signature, at the size it attests and up to {@link #MAX_PDF_BYTES}
     * @param pin      held against each PDF signature too, at the manifest's signing time when the PDF's
     *                 own signature attests none (PAdES signatures carry no signing-time)
     */
    private static void artifact(Path root, Manifest.Artifact a, Map<String, BasicFileAttributes> entries,
                                 CmsSignature manifest, SignerPin pin, Problems problems) throws IOException {
        String shown = Manifest.shown(a.path());
        BasicFileAttributes found = entries.get(a.path());
        if (found == null) {
            problems.add(shown, "missing: " + shown + notAFolderAbove(a.path(), entries));
            return;
        }
        if (!found.isRegularFile()) {
            problems.add(shown, shown + " is " + kind(found) + ", not a regular file");
            return;
        }
        Path file = root.resolve(a.path());
        boolean sameSize = found.size() == a.bytes();
        if (!sameSize || !Manifest.sha256(file).equals(a.sha256())) {
            problems.add(shown, "modified: " + shown + " (sha256 or size differs from the manifest)");
        }
        if (manifest == null || !sameSize || !a.path().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return;
        }
        if (a.bytes() > MAX_PDF_BYTES) {
            problems.add(shown, shown + " is " + a.bytes() + " bytes, more than the " + (MAX_PDF_BYTES >> 20)
                    + " MiB whose PDF signature verify checks");
            return;
        }
        Instant manifestTime = manifest.attestedTime() != null ? manifest.attestedTime() : Instant.now();
        List<CmsSignature> signatures;
        try {
            signatures = PdfSigner.verify(read(file, a.bytes()));
        } catch (SigningException e) {
            problems.add(shown, shown + ": PDF signature invalid: " + e.getMessage());
            return;
        }
        for (CmsSignature pdf : signatures) {
            if (!pdf.signer().equals(manifest.signer())) {
                problems.add(shown, shown + " is signed by another certificate than the manifest");
            }
            try {
                pin.check(pdf, manifestTime);
            } catch (SigningException e) {
                problems.add(shown, shown + " is " + e.getMessage());
            }
        }
    }

    /** Why a missing artifact's folder was not walked into: " (tables is a symbolic link)", or "". */
    private static String notAFolderAbove(String path, Map<String, BasicFileAttributes> entries) {
        for (String folder : foldersAbove(path)) {
            BasicFileAttributes above = entries.get(folder);
            if (above != null && !above.isDirectory()) {
                return " (" + Manifest.shown(folder) + " is " + kind(above) + ")";
            }
        }
        return "";
    }

    /** "a", "a/b" for "a/b/c". */
    private static List<String> foldersAbove(String path) {
        List<String> folders = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            folders.add(path.substring(0, slash));
        }
        return folders;
    }

    /** A manifest path names a file inside the bundle: relative, forward slashes, no empty, "." or ".." step, no NUL. */
    private static boolean insideBundle(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String step : path.split("/", -1)) {
            if (step.isEmpty() || step.equals(".") || step.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A regular file's bytes, without following a link at its name; one that grew past {@code max} since
     * it was listed is refused rather than read.
     */
    private static byte[] read(Path file, long max) throws IOException {
        if (max > Integer.MAX_VALUE - 16) {
            throw new IOException(file.getFileName() + " is too large to read into memory");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new IOException(file.getFileName() + " grew while it was being verified");
            }
            return bytes;
        }
    }

    private static String kind(BasicFileAttributes attrs) {
        return attrs.isSymbolicLink() ? "a symbolic link" : attrs.isDirectory() ? "a folder"
                : attrs.isRegularFile() ? "a regular file" : "a special file (FIFO, socket or device)";
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

        VerifyResult result(boolean unsigned, CmsSignature signature) {
            return new VerifyResult(messages.isEmpty(), List.copyOf(messages), first, unsigned, signature);
        }
    }
}
