package io.sealwatch.config;

/**
 * A configured log source.
 *
 * @param type one of {@link SourceType#KNOWN}
 * @param path a glob, resolved against the config file's folder unless it is a URI with a scheme
 * @param line the line of the entry in the config file, for messages
 */
public record SourceSpec(String type, String path, int line) {

    public SourceType sourceType() {
        return SourceType.of(type);
    }
}
