package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.SealwatchConfig;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What earlier runs already read ({@code run --state DIR}): per input file its path, size,
 * modification time and sha-256 ({@code index.json}), and the complete result of reading it
 * (accounting, normalised events, quarantine, coverage summary), all in one serialised file
 * ({@code scans.bin}: one stream, so a night with thousands of unchanged files costs one read, not
 * thousands). A file listed with the same path, size and modification time is not read again.
 * Everything after ingest is recomputed from all files' results, so open episodes are re-judged and
 * the findings equal those of a full run.
 *
 * <p>The state is only valid for the same scan: a change of the engine's reading logic
 * ({@link #FORMAT}), of an account's id, identities or sealed secrets (and the credentials they hold), or
 * of the log gap
 * invalidates all of it (the next run reads everything and rewrites it).
 */
final class ScanState implements ScanMemory {
    /** Bump when reading or normalisation changes: old state is then ignored. */
    static final String FORMAT = "sealwatch-scan-6";
    private static final String INDEX = "index.json";
    private static final String SCANS = "scans.bin";

    /** One remembered file. */
    record Entry(String path, long size, long modified, String sha256) implements Serializable {
    }

    record Index(String key, Map<String, Entry> files) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String key;
    private final Map<String, Entry> old;
    private final Map<String, FileScan> oldScans;
    private final Map<String, Entry> next = new TreeMap<>();
    private final Map<String, FileScan> nextScans = new HashMap<>();

    private ScanState(Path dir, String key, Map<String, Entry> old, Map<String, FileScan> oldScans) {
        this.dir = dir;
        this.key = key;
        this.old = old;
        this.oldScans = oldScans;
    }

    static ScanState open(Path dir, SealwatchConfig config) throws IOException {
        String key = keyOf(config);
        Snapshot read = load(dir, key);
        return new ScanState(dir, key, read.files(), read.scans());
    }

    /** What {@link #save} wrote: per file id its entry and its result; empty when absent, unreadable or of another key. */
    record Snapshot(Map<String, Entry> files, Map<String, FileScan> scans) {
    }

    static Snapshot load(Path dir, String key) throws IOException {
        Path index = dir.resolve(INDEX);
        if (Files.isRegularFile(index) && Files.isRegularFile(dir.resolve(SCANS))) {
            Index read = JSON.readValue(index.toFile(), new TypeReference<Index>() { });
            if (key.equals(read.key()) && read.files() != null) {
                Map<String, FileScan> scans = readScans(dir.resolve(SCANS));
                if (scans != null) {
                    return new Snapshot(read.files(), scans);
                }
            }
        }
        return new Snapshot(Map.of(), Map.of());
    }

    /** The remembered results by file id, or null when the file cannot be read (then everything is read again). */
    @SuppressWarnings("unchecked")
    private static Map<String, FileScan> readScans(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ObjectInputStream objects = new ObjectInputStream(in)) {
            return (Map<String, FileScan>) objects.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    /** The bytes a {@link #save} left in {@code dir}, 0 when none. */
    static long size(Path dir) throws IOException {
        long bytes = 0;
        for (String name : List.of(INDEX, SCANS)) {
            Path p = dir.resolve(name);
            bytes += Files.isRegularFile(p) ? Files.size(p) : 0;
        }
        return bytes;
    }

    @Override
    public Optional<FileScan> reuse(FileTask task) {
        Entry e = old.get(id(task));
        FileScan scan = oldScans.get(id(task));
        if (!unchanged(e, scan, task)) {
            return Optional.empty();
        }
        next.put(id(task), e);
        nextScans.put(id(task), scan);
        return Optional.of(scan);
    }

    /** Is {@code task} listed as {@code e} remembers it (same size and modification time), with its result? */
    static boolean unchanged(Entry e, FileScan scan, FileTask task) {
        return e != null && scan != null && task.size() >= 0 && e.size() == task.size()
                && e.modified() == task.modified();
    }

    @Override
    public void remember(FileTask task, FileScan scan) {
        if (!remembers(task, scan)) {
            return;
        }
        next.put(id(task), entry(task, scan));
        nextScans.put(id(task), scan);
    }

    /** Is this read worth remembering? An unreadable file, or one of unknown size, is read again next time. */
    static boolean remembers(FileTask task, FileScan scan) {
        return scan.error() == null && task.size() >= 0;
    }

    static Entry entry(FileTask task, FileScan scan) {
        return new Entry(task.path(), task.size(), task.modified(), scan.sha256());
    }

    /** Writes this run's files and results, each file atomically; files no longer listed are forgotten. */
    @Override
    public void save() throws IOException {
        write(dir, key, next, nextScans);
    }

    /** Writes {@code files} and their {@code scans} as the state of {@code key}, each file atomically. */
    static void write(Path dir, String key, Map<String, Entry> files, Map<String, FileScan> scans) throws IOException {
        Files.createDirectories(dir);
        Path bin = Files.createTempFile(dir, ".scans", ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bin), 1 << 16);
             ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new HashMap<>(scans));
        }
        Path index = Files.createTempFile(dir, ".index", ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(index.toFile(), new Index(key, new TreeMap<>(files)));
        // the results first: an index never names results that are not there
        Files.move(bin, dir.resolve(SCANS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(index, dir.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteOldLayout(dir.resolve("scans"));
    }

    /** Earlier versions kept one file per input under {@code scans/}. */
    private static void deleteOldLayout(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var list = Files.list(folder)) {
                for (Path p : list.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    static String id(FileTask task) {
        return task.source() + " " + task.uri();
    }

    static String keyOf(SealwatchConfig config) {
        StringBuilder sb = new StringBuilder(FORMAT).append('\n').append(config.policy().logGap()).append('\n');
        for (AccountSpec a : config.accounts()) {
            sb.append(a.id()).append(a.identities()).append(a.sealedSecrets());
            if (!a.secretCredentials().isEmpty()) {
                // which credential a secret's rotation counts for is decided while reading; absent, the key is as before
                Map<String, String> named = new TreeMap<>();
                a.secretCredentials().forEach((secret, credential) -> named.put(secret.toString(), credential));
                sb.append(named);
            }
            sb.append('\n');
        }
        if (!config.evidenceMap().sources().isEmpty()) {
            sb.append(config.evidenceMap());   // which tickets and pages name which account is decided while reading
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
