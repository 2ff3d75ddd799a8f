package io.sealwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A configuration written as sealwatch.yaml into a test's folder, loaded, or refused with its messages. */
record ConfigFiles(Path dir) {

    Path write(String yaml) throws IOException {
        Path f = dir.resolve("sealwatch.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    SealwatchConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(write(yaml));
    }

    /** Every error of loading {@code yaml}, as printed; fails when it loads. */
    List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors().stream().map(Object::toString).toList();
    }
}
