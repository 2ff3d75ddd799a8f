package io.sealwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's memory: an append-only file of JSON lines, each written with one write and forced to disk before
 * {@link #append} returns. A line cut short by {@code kill -9} or a power loss can only be the last one; it is
 * ignored and cut off on the next open, so that the next entry starts on a line of its own.
 *
 * <p>Written through a {@link RandomAccessFile}, not a {@code FileChannel}: interrupting a thread in a channel's
 * write closes the channel for every thread, and {@link Outbox#close()} interrupts the workers. A write that fails
 * (a full disk) is cut off again, so that a later entry cannot land behind half a line.
 */
final class Journal implements Closeable {
    static final String FILE = "journal.jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final RandomAccessFile file;
    private final List<Entry> entries;

    private Journal(Path path, RandomAccessFile file, List<Entry> entries) {
        this.path = path;
        this.file = file;
        this.entries = entries;
    }

    /** One entry of the file and its line number, for messages. */
    record Entry(JsonNode node, int line) { }

    /** The entries of the journal in {@code dir}, without the torn last line if there is one; empty when none. */
    static List<Entry> read(Path dir) throws IOException {
        return parse(dir.resolve(FILE)).entries;
    }

    /** Opens the journal in {@code dir} (created with the folder when missing), first cutting off a torn last line. */
    static Journal open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        boolean created = !Files.exists(file);
        Parsed parsed = parse(file);
        RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw");
        if (out.length() > parsed.validLength) {
            out.setLength(parsed.validLength);
            out.getFD().sync();
        }
        out.seek(parsed.validLength);
        if (created) {
            // the new file's name must survive a crash too: force the folder
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
        return new Journal(file, out, parsed.entries);
    }

    private record Parsed(List<Entry> entries, long validLength) { }

    private static Parsed parse(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Parsed(List.of(), 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        int line = 1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean last = end + 1 >= bytes.length;
            JsonNode node = end < bytes.length ? object(bytes, start, end) : null;
            if (node == null) {
                if (last) {
                    return new Parsed(entries, start); // the torn last line
                }
                throw new IOException(file + ":" + line + ": not a journal entry (not one JSON object)");
            }
            entries.add(new Entry(node, line));
            start = end + 1;
            line++;
        }
        return new Parsed(entries, bytes.length);
    }

    private static JsonNode object(byte[] bytes, int start, int end) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The journal's file, for messages. */
    Path file() {
        return path;
    }

    /** The entries that were on disk when the journal was opened. */
    List<Entry> entries() {
        return entries;
    }

    /** Appends one entry and forces it to disk. */
    synchronized void append(ObjectNode entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        long end = file.getFilePointer();
        try {
            file.write(line);
            file.getFD().sync();
        } catch (IOException e) {
            try {
                file.setLength(end);
                file.seek(end);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    static ObjectNode posted(Alert alert, List<String> sinks) throws IOException {
        ObjectNode e = JSON.createObjectNode().put("e", "alert");
        sinks.forEach(e.putArray("sinks")::add);
        e.set("alert", JSON.readTree(alert.json()));
        return e;
    }

    /** An attempt's outcome: {@code delivered}, {@code failed} (with its error) or {@code gave-up}. */
    static ObjectNode outcome(String what, Delivery d, Instant at, String error) {
        ObjectNode e = JSON.createObjectNode().put("e", what).put("id", d.alert.id()).put("sink", d.sink)
                .put("at", at.toString());
        if (error != null) {
            e.put("error", error);
        }
        return e;
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
