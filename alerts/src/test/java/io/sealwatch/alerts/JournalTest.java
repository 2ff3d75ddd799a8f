package io.sealwatch.alerts;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.sealwatch.alerts.AlertsTesting.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
    @TempDir
    Path dir;

    private Outbox open() throws IOException {
        return Outbox.open(dir, List.of(), Map.<String, String>of()::get, Clock.systemUTC(), new PrometheusRegistry());
    }

    private void append(String text) throws IOException {
        Files.writeString(dir.resolve(Journal.FILE), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aTornLastLineIsIgnoredAndNothingElseLost() throws Exception {
        try (Outbox outbox = open()) {
            outbox.post(alert(1, Severity.HIGH));
            outbox.post(alert(2, Severity.HIGH));
        }
        String whole = Files.readString(dir.resolve(Journal.FILE));
        append(whole.lines().findFirst().orElseThrow().substring(0, 40)); // kill -9 in the middle of a write
        try (Outbox outbox = open()) {
            assertEquals(List.of(alert(1, Severity.HIGH), alert(2, Severity.HIGH)), outbox.alerts());
            assertEquals(whole, Files.readString(dir.resolve(Journal.FILE)), "the torn tail is cut off on open");
            outbox.post(alert(3, Severity.HIGH));
        }
        try (Outbox outbox = open()) {
            assertEquals(3, outbox.alerts().size(), "the entry after the cut starts on a line of its own");
        }
        assertEquals(3, Journal.read(dir).size());
    }

    @Test
    void damageBeforeTheLastLineIsAnErrorNamingTheLine() throws Exception {
        try (Outbox outbox = open()) {
            outbox.post(alert(1, Severity.HIGH));
        }
        String whole = Files.readString(dir.resolve(Journal.FILE));
        Files.writeString(dir.resolve(Journal.FILE), "{\"e\":\"alert\", garbage\n" + whole);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().endsWith(Journal.FILE + ":1: not a journal entry (not one JSON object)"),
                e.getMessage());
    }

    @Test
    void anEntryOfUnknownKindIsAnErrorNamingTheLine() throws Exception {
        try (Outbox outbox = open()) {
            outbox.post(alert(1, Severity.HIGH));
        }
        append("{\"e\":\"bogus\"}\n");
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().endsWith(Journal.FILE + ":2: not a journal entry (unknown entry 'bogus')"),
                e.getMessage());
        IOException again = assertThrows(IOException.class, this::open);
        assertTrue(again.getMessage().contains("bogus"), "a failed open leaves the folder unlocked: "
                + again.getMessage());
    }
}
