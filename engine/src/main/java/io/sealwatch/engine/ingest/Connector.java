package io.sealwatch.engine.ingest;

import java.util.List;

/**
 * What every connector declares the same way — its source type and timestamp fields — so that a
 * connector's class says only how its records map.
 */
public abstract class Connector implements SourceConnector {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final List<String> timeFields;

    /** @param timeFields dotted paths of the timestamp, in order of preference */
    protected Connector(String type, String... timeFields) {
        this.type = type;
        this.timeFields = List.of(timeFields);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final List<String> timeFields() {
        return timeFields;
    }
}
