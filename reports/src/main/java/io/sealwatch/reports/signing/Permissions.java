package io.sealwatch.reports.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only permissions where the file system has POSIX permissions; a no-op elsewhere. */
public final class Permissions {

    private Permissions() {
    }

    public static void ownerOnly(Path p) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) == null) {
            return;
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }
}
