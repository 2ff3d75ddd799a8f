package io.sealwatch.engine.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The changes to a scan's remembered files since its last {@link ScanState} snapshot, appended to one file
 * and forced to disk after each scan, so that remembering a new file costs its own record, not a rewrite of
 * every file's result. Each record is {@code length, crc32, payload}; the first one holds the key of the
 * scan ({@link ScanState#keyOf}), the others one {@link Change} each. A record cut off or damaged by a crash
 * ends the journal there (it and what follows are dropped): what was not recorded is read again, which costs
 * time, never correctness.
 */
final class ScanJournal implements AutoCloseable {
    static final String FILE = "journal.bin";
    /** A record larger than this is taken for damage: one file's result is kilobytes (its few normalised events). */
    private static final int MAX_RECORD = 256 << 20;

    /**
     * One file's new result, or ({@code entry} and {@code scan} null) its removal.
     *
     * @param id the file's {@link ScanState#id}
     */
    record Change(String id, ScanState.Entry entry, FileScan scan) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final FileChannel channel;

    private ScanJournal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the journal in {@code dir}, giving each intact change recorded for {@code key} to {@code replay} in
     * order; a torn or damaged tail is cut off, and a journal of another key (or none) starts empty.
     */
    static ScanJournal open(Path dir, String key, Consumer<Change> replay) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ScanJournal journal = new ScanJournal(channel);
        try {
            byte[] header = journal.next();
            if (header == null || !key.equals(new String(header, StandardCharsets.UTF_8))) {
                journal.reset(key);
                return journal;
            }
            long good = channel.position();
            for (byte[] record = journal.next(); record != null; record = journal.next()) {
                Change change = decode(record);
                if (change == null) {
                    break;
                }
                replay.accept(change);
                good = channel.position();
            }
            channel.truncate(good);
            channel.position(good);
            return journal;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends the changes of one scan and forces them to disk. */
    void append(List<Change> changes) throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Change c : changes) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(one)) {
                out.writeObject(c);
            }
            frame(one.toByteArray(), bytes);
        }
        write(bytes.toByteArray());
    }

    /** Empties the journal: its changes are in a snapshot now (or belong to another key). */
    void reset(String key) throws IOException {
        channel.truncate(0);
        channel.position(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        frame(key.getBytes(StandardCharsets.UTF_8), bytes);
        write(bytes.toByteArray());
    }

    /** Bytes in the journal. */
    long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** The next record's payload, or null at the end or at a torn or damaged record. */
    private byte[] next() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        if (!readFully(head)) {
            return null;
        }
        int length = head.getInt(0);
        int crc = head.getInt(4);
        if (length < 0 || length > MAX_RECORD || length > channel.size() - channel.position()) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        if (!readFully(payload)) {
            return null;
        }
        byte[] bytes = payload.array();
        return crc(bytes) == crc ? bytes : null;
    }

    private boolean readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void frame(byte[] payload, ByteArrayOutputStream to) {
        ByteBuffer head = ByteBuffer.allocate(8).putInt(payload.length).putInt(crc(payload));
        to.writeBytes(head.array());
        to.writeBytes(payload);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** The change a record holds, or null when it does not hold one (classes changed: the rest is read again). */
    private static Change decode(byte[] record) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(record))) {
            return in.readObject() instanceof Change c ? c : null;
        } catch (IOException | ClassNotFoundException e) {
            return null;
        }
    }
}
