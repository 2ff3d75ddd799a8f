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

    /**
     * One problem: {@code file:line: key.path: message}.
     *
     * @param line 0 when the problem is the file as a whole (missing, not a regular file, too large),
     *             which has no line to name; then it reads {@code file: message}
     */
    public record ConfigError(String file, int line, String keyPath, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
        }
    }
}
