package io.sealwatch.cli.job;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.Failure;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A {@code --state} that is a Hadoop file-system URI ({@code s3a://bucket/sealwatch-state}). The state is
 * copied into a local folder of the driver before the run, the run reads and writes it there, and only a run
 * that made its bundle (exit 0 or 1) copies it back: a failed or interrupted run leaves the remote state as
 * it was. The state is a few files ({@link #FILES}); each is one object, replaced whole, and the index goes
 * last, so a copy cut short leaves an index that names only results that are there.
 */
public final class ObjectStoreState {
    /** What a state folder holds, in the order they are copied back: the index of the results last. */
    static final List<String> FILES = List.of("scans.bin", Series.KEPT, "index.json");

    private ObjectStoreState() {
    }

    /**
     * Copies the state at {@code state} into a local folder, runs {@code run} with it, and copies it back when
     * the run made its bundle.
     */
    public static int run(String state, String master, ToIntFunction<Path> run, PrintStream err) {
        URI target = ObjectStoreOut.folder(state);
        return ObjectStoreOut.inStaging("--state " + state, err, staging -> {
            FileSystem fs;
            try {
                fs = ObjectStoreOut.fileSystem(master, target);
                download(fs, target, staging);
            } catch (ObjectStoreOut.Refused e) {
                err.println("sealwatch: --state " + state + ": " + e.getMessage());
                return ExitCode.USAGE.code();
            } catch (IOException | RuntimeException e) {
                err.println("sealwatch: --state " + state + ": cannot be read: " + Failure.describe(e));
                return ExitCode.USAGE.code();
            }
            int exit = run.applyAsInt(staging);
            if (exit != ExitCode.OK.code() && exit != ExitCode.FINDINGS.code()) {
                return exit;   // the remote state stays as it was
            }
            try {
                upload(staging, fs, target);
            } catch (IOException | RuntimeException e) {
                err.println("sealwatch: the state could not be copied back to " + state + " (the next run reads "
                        + "more files again): " + Failure.describe(e));
                return ExitCode.INCOMPLETE.code();
            }
            return exit;
        });
    }

    /**
     * Copies the state's files into {@code local}; refuses, touching nothing, a file, or a folder holding anything
     * but state files (a bundle, logs, another program's files).
     */
    private static void download(FileSystem fs, URI target, Path local) throws IOException, ObjectStoreOut.Refused {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(target);
        FileStatus[] entries;
        try {
            if (!fs.getFileStatus(dir).isDirectory()) {
                throw new ObjectStoreOut.Refused("is a file, not a folder; nothing was touched");
            }
            entries = fs.listStatus(dir);
        } catch (FileNotFoundException missing) {
            return;   // a first run: the folder is made when the state is copied back
        }
        for (FileStatus e : entries) {
            if (e.isDirectory() || !FILES.contains(e.getPath().getName())) {
                throw new ObjectStoreOut.Refused("holds " + e.getPath().getName() + ", which is not Sealwatch state ("
                        + String.join(", ", FILES) + "); nothing was touched");
            }
        }
        for (FileStatus e : entries) {
            try (InputStream in = fs.open(e.getPath())) {
                Files.copy(in, local.resolve(e.getPath().getName()));
            }
        }
    }

    private static void upload(Path local, FileSystem fs, URI target) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(target);
        for (String name : FILES) {
            Path file = local.resolve(name);
            if (Files.isRegularFile(file)) {
                ObjectStoreOut.copy(file, fs, new org.apache.hadoop.fs.Path(dir, name));
            }
        }
    }
}
