package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.SealwatchConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What earlier runs already read ({@code run --state DIR}): per input file its path, size,
 * modification time and sha-256, and the complete result of reading it (accounting, normalised
 * events, quarantine, coverage summary). A file listed with the same path, size and modification
 * time is not read again. Everything after ingest is recomputed from all files' results, so open
 * episodes are re-judged and the findings equal those of a full run.
 *
 * <p>The state is only valid for the same scan: a change of the engine's reading logic
 * ({@link #FORMAT}), of an account's id, identities or sealed secrets, or of the log gap
 * invalidates all of it (the next run reads everything and rewrites it).
 */
final class ScanState {
    /** Bump when reading or normalisation changes: old state is then ignored. */
    static final String FORMAT = "sealwatch-scan-2";

    /** One remembered file. */
    record Entry(String path, long size, long modified, String sha256, String blob) {
    }

    record Index(String key, Map<String, Entry> files) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String key;
    private final Map<String, Entry> old;
    private final Map<String, Entry> next = new TreeMap<>();

    private ScanState(Path dir, String key, Map<String, Entry> old) {
        this.dir = dir;
        this.key = key;
        this.old = old;
    }

    static ScanState open(Path dir, SealwatchConfig config) throws IOException {
        String key = keyOf(config);
        Path index = dir.resolve("index.json");
        Map<String, Entry> old = Map.of();
        if (Files.isRegularFile(index)) {
            Index read = JSON.readValue(index.toFile(), new TypeReference<Index>() { });
            if (key.equals(read.key()) && read.files() != null) {
                old = read.files();
            }
        }
        return new ScanState(dir, key, old);
    }

    /** The remembered result of this file, when it is listed unchanged. */
    Optional<FileScan> reuse(FileTask task) {
        Entry e = old.get(id(task));
        if (e == null || task.size() < 0 || e.size() != task.size() || e.modified() != task.modified()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(dir.resolve("scans").resolve(e.blob()));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            FileScan scan = (FileScan) objects.readObject();
            next.put(id(task), e);
            return Optional.of(scan);
        } catch (IOException | ClassNotFoundException | ClassCastException ex) {
            return Optional.empty(); // unreadable state entry: read the file again
        }
    }

    void remember(FileTask task, FileScan scan) throws IOException {
        if (scan.error() != null || task.size() < 0) {
            return; // an unreadable file is read again next time
        }
        String blob = sha256((id(task) + "\n" + scan.sha256()).getBytes(StandardCharsets.UTF_8)) + ".bin";
        Path scans = Files.createDirectories(dir.resolve("scans"));
        Path tmp = Files.createTempFile(scans, ".scan", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(scan);
        }
        Files.move(tmp, scans.resolve(blob), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        next.put(id(task), new Entry(task.path(), task.size(), task.modified(), scan.sha256(), blob));
    }

    /** Writes the index of this run's files atomically and drops results of files no longer listed. */
    void save() throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".index", ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Index(key, next));
        Files.move(tmp, dir.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path scans = dir.resolve("scans");
        if (Files.isDirectory(scans)) {
            List<String> live = next.values().stream().map(Entry::blob).toList();
            try (var list = Files.list(scans)) {
                for (Path p : list.toList()) {
                    if (!live.contains(p.getFileName().toString())) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static String id(FileTask task) {
        return task.source() + " " + task.uri();
    }

    private static String keyOf(SealwatchConfig config) {
        StringBuilder sb = new StringBuilder(FORMAT).append('\n').append(config.policy().logGap()).append('\n');
        for (AccountSpec a : config.accounts()) {
            sb.append(a.id()).append(a.identities()).append(a.sealedSecrets()).append('\n');
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
