package io.sealwatch.samples.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Copies a bundled resource tree, listed by its {@code index.txt}, out of the jar onto disk. */
public final class Resources {
    private static final String BASE = "/io/sealwatch/samples/";

    private Resources() {
    }

    public static void copyTree(String name, Path dir) throws IOException {
        for (String file : index(name)) {
            Path target = dir.resolve(file).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("sample index entry escapes its folder: " + file);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = open(name + "/" + file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<String> index(String name) throws IOException {
        try (InputStream in = open(name + "/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = Resources.class.getResourceAsStream(BASE + path);
        if (in == null) {
            throw new IOException("bundled sample resource missing: " + path);
        }
        return in;
    }
}
