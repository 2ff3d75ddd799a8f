package io.sealwatch.cli.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alerts taken so far, one JSON line each in {@code <state>/alerts.jsonl}, idempotent by id and
 * written before {@link #post} returns. It stands in for the delivering outbox until that is wired in:
 * it keeps, it does not send.
 */
final class AlertJournal implements AlertSink {
    static final String FILE = "alerts.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel out;
    private final Set<String> ids = new HashSet<>();

    private AlertJournal(FileChannel out, List<String> lines) throws IOException {
        this.out = out;
        for (String line : lines) {
            if (!line.isBlank()) {
                try {
                    ids.add(JSON.readTree(line).path("id").asText());
                } catch (IOException torn) {
                    // a line cut by a crash: its alert was not taken and is posted again
                }
            }
        }
    }

    static AlertJournal open(Path state) throws IOException {
        Path file = state.resolve(FILE);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (!lines.isEmpty() && !Files.readString(file, StandardCharsets.UTF_8).endsWith("\n")) {
            ch.write(ByteBuffer.wrap(new byte[]{'\n'}));   // a line torn by a crash must not glue onto the next
        }
        return new AlertJournal(ch, lines);
    }

    @Override
    public synchronized boolean post(WatchAlert a) throws IOException {
        if (!ids.add(a.id())) {
            return false;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("kind", a.kind().wire());
        o.put("severity", a.severity().wire());
        o.put("account", a.account());
        o.put("episode", a.episode());
        o.put("rule", a.rule());
        o.put("at", a.at().toString());
        o.put("detectedAt", a.detectedAt().toString());
        o.put("message", a.message());
        o.put("url", a.url());
        out.write(ByteBuffer.wrap((JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8)));
        out.force(false);
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
