package io.sealwatch.engine.ingest;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connector of each source type ({@code SourceType.KNOWN}). Connectors are found through
 * {@link ServiceLoader} ({@code META-INF/services/io.sealwatch.engine.ingest.SourceConnector}), so ingest names
 * none of them: adding a source is one package under {@code engine.source} and one line in that file.
 */
public final class Connectors {
    private static final Map<String, SourceConnector> BY_TYPE = ServiceLoader
            .load(SourceConnector.class, Connectors.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
            .collect(Collectors.toUnmodifiableMap(SourceConnector::type, Function.identity()));

    private Connectors() {
    }

    public static SourceConnector forType(String type) {
        SourceConnector c = BY_TYPE.get(type);
        if (c == null) {
            throw new IllegalArgumentException("no connector for source type '" + type + "'");
        }
        return c;
    }

    public static List<String> types() {
        return BY_TYPE.keySet().stream().sorted().toList();
    }
}
