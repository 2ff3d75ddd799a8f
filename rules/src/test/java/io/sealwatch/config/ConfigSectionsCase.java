package io.sealwatch.config;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A config test whose cases append sections to one base {@code sealwatch.yaml}: the folder and the two ways of
 * reading base + sections (loaded, or its errors) are declared here once instead of in each such test.
 */
abstract class ConfigSectionsCase {
    @TempDir
    Path dir;

    private final String base;

    ConfigSectionsCase(String base) {
        this.base = base;
    }

    SealwatchConfig load(String sections) throws IOException, ConfigException {
        return new ConfigFiles(dir).load(base + sections);
    }

    List<String> errors(String sections) {
        return new ConfigFiles(dir).errors(base + sections);
    }
}
