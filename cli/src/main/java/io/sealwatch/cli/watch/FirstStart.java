package io.sealwatch.cli.watch;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * When the service first ran on its state ({@code <state>/watch.json}): what lies further back than
 * this (less {@code log-gap}) is history, recorded on the status page but not sent to anyone.
 */
final class FirstStart {
    static final String FILE = "watch.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FirstStart() {
    }

    /** The remembered first start, or {@code now} (remembered from here on) when the state is new. */
    static Instant of(Path state, Instant now) throws IOException {
        Path file = state.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String at = JSON.readTree(file.toFile()).path("firstStart").asText("");
            try {
                return Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException(file + ": firstStart '" + at + "' is not an ISO-8601 time; remove the file "
                        + "to start afresh (the service then treats everything before now as history)", e);
            }
        }
        Path tmp = Files.createTempFile(state, ".watch", ".tmp");
        JSON.writeValue(tmp.toFile(), Map.of("firstStart", now.toString()));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return now;
    }
}
