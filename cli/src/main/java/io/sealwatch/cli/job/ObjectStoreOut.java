package io.sealwatch.cli.job;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.files.FileTrees;
import io.sealwatch.reports.bundle.Manifest;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An {@code --out} that is a Hadoop file-system URI ({@code s3a://bucket/nightly}, {@code hdfs://…}). The
 * bundle is made and signed as always, in a local staging folder (a temporary folder of the driver, removed
 * when the run ends), then copied to the URI through Hadoop's {@code FileSystem} with the Spark session's
 * Hadoop settings (so {@code spark.hadoop.fs.s3a.*} apply, as for inputs). The same refusal as for a local
 * {@code --out}: the URI must not exist, be an empty folder, or hold a bundle Sealwatch wrote (every file listed by
 * its {@code manifest.json}).
 * Object stores have no rename: the old bundle's files are removed, the new ones written, the manifest and
 * its signature last, so a reader that finds a manifest finds every file it lists.
 */
public final class ObjectStoreOut {
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");

    private ObjectStoreOut() {
    }

    /** True for {@code scheme://…} other than {@code file:}: a local {@code --out} is a plain path. */
    public static boolean isUri(String out) {
        return URI_WITH_SCHEME.matcher(out).matches() && !out.startsWith("file:");
    }

    /**
     * Runs {@link Launch#run} into a local staging folder and copies the bundle to {@code out}.
     *
     * @param options the run, given the local folder its bundle is written to
     */
    public static int run(String out, Function<Path, RunOptions> options, PrintStream err) {
        URI target = folder(out);
        return inStaging("--out " + out, err, staging -> {
            RunOptions run = options.apply(staging.resolve("bundle"));
            FileSystem fs;
            try {
                fs = fileSystem(run.master(), target);
                refuseIfUnsafe(fs, target);
            } catch (Refused e) {
                err.println("sealwatch: --out " + out + ": " + e.getMessage());
                return ExitCode.USAGE.code();
            } catch (IOException | RuntimeException e) {
                err.println("sealwatch: --out " + out + ": cannot be opened: " + Failure.describe(e));
                return ExitCode.USAGE.code();
            }
            int exit = Launch.run(run, err);
            if (!Files.isRegularFile(run.out().resolve(Manifest.FILE))) {
                return exit;   // no bundle was made; Launch said why
            }
            try {
                publish(run.out(), fs, target);
                err.println("  bundle copied to " + target);
            } catch (IOException | RuntimeException e) {
                err.println("sealwatch: the evidence bundle could not be copied to " + out + ": " + Failure.describe(e));
                return ExitCode.INCOMPLETE.code();
            }
            return exit;
        });
    }

    /**
     * Runs {@code body} with a new local staging folder (under {@code java.io.tmpdir}), removed when it returns.
     *
     * @param what the option and URI the folder stands in for, for the messages
     */
    static int inStaging(String what, PrintStream err, ToIntFunction<Path> body) {
        Path staging;
        try {
            staging = Files.createTempDirectory("sealwatch-staging-");
        } catch (IOException e) {
            err.println("sealwatch: cannot make a local staging folder for " + what + ": " + Failure.describe(e));
            return ExitCode.INCOMPLETE.code();
        }
        try {
            return body.applyAsInt(staging);
        } finally {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                err.println("sealwatch: could not remove the staging folder " + staging + ": " + e.getMessage());
            }
        }
    }

    /** The folder a URI names, without a trailing slash. */
    static URI folder(String uri) {
        return URI.create(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
    }

    /** The file system of {@code target} with the Spark session's Hadoop settings ({@code spark.hadoop.*}), as inputs are read. */
    static FileSystem fileSystem(String master, URI target) throws IOException {
        Configuration hadoop = Sparks.session(master, Job.appJars()).sparkContext().hadoopConfiguration();
        return FileSystem.get(target, hadoop);
    }

    /** Why the URI may not be written (nothing was touched). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static void refuseIfUnsafe(FileSystem fs, URI target) throws IOException, Refused {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(target);
        FileStatus status;
        try {
            status = fs.getFileStatus(dir);
        } catch (FileNotFoundException missing) {
            return;
        }
        if (!status.isDirectory()) {
            throw new Refused("is a file, not a folder; nothing was touched");
        }
        if (fs.listStatus(dir).length == 0) {
            return;
        }
        String foreign = foreignEntry(fs, dir);
        if (foreign != null) {
            throw new Refused("holds files that are not a Sealwatch bundle (" + foreign + "); nothing was touched — "
                    + "Sealwatch replaces only its own bundles");
        }
    }

    /** As a local {@code --out}: the first file that the folder's manifest does not list, or null for our bundle. */
    private static String foreignEntry(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
        org.apache.hadoop.fs.Path manifest = new org.apache.hadoop.fs.Path(dir, Manifest.FILE);
        if (!fs.isFile(manifest)) {
            return "no " + Manifest.FILE;
        }
        if (fs.getFileStatus(manifest).getLen() > Manifest.MAX_BYTES) {
            return Manifest.FILE + " is too large to be one of ours";
        }
        byte[] bytes;
        try (InputStream in = fs.open(manifest)) {
            bytes = in.readAllBytes();
        }
        String root = fs.makeQualified(dir).toUri().getPath();
        Map<String, Boolean> entries = new LinkedHashMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);   // files: an object store has no folders
        while (it.hasNext()) {
            String path = it.next().getPath().toUri().getPath();
            entries.put(path.substring(root.length() + 1), false);
        }
        return OutFolder.foreign(bytes, entries);
    }

    /** Replaces what is at {@code target} with the bundle in {@code bundle}, the manifest and its signature last. */
    static void publish(Path bundle, FileSystem fs, URI target) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(target);
        if (fs.exists(dir)) {
            List<org.apache.hadoop.fs.Path> old = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                old.add(it.next().getPath());
            }
            // the manifest first: a reader never sees it beside a half-replaced bundle
            old.sort((a, b) -> Boolean.compare(!isManifest(a.getName()), !isManifest(b.getName())));
            for (org.apache.hadoop.fs.Path p : old) {
                fs.delete(p, false);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bundle)) {
            files = walk.filter(Files::isRegularFile).sorted((a, b) -> {
                int last = Boolean.compare(isManifest(a.getFileName().toString()), isManifest(b.getFileName().toString()));
                return last != 0 ? last : a.compareTo(b);
            }).toList();
        }
        for (Path f : files) {
            copy(f, fs, new org.apache.hadoop.fs.Path(dir, bundle.relativize(f).toString().replace('\\', '/')));
        }
    }

    /** One local file to {@code to}, replacing it (on an object store: one object, written whole when closed). */
    static void copy(Path file, FileSystem fs, org.apache.hadoop.fs.Path to) throws IOException {
        try (InputStream in = Files.newInputStream(file); OutputStream o = fs.create(to, true)) {
            in.transferTo(o);
        }
    }

    private static boolean isManifest(String name) {
        return name.equals(Manifest.FILE) || name.equals(Manifest.SIGNATURE);
    }
}
