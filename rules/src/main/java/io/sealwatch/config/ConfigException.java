package io.sealwatch.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be used; carries every problem found, each with its key path and line. */
public final class ConfigException extends Exception {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** One problem: {@code file:line: key.path: message}. */
    public record ConfigError(String file, int line, String keyPath, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
        }
    }
}
