package io.sealwatch.alerts;

/** What an alert is about; {@link #wire()} is its name in every payload. */
public enum AlertKind {
    EPISODE_STARTED("episode-started"),
    FINDING("finding"),
    DEADLINE_PASSED("deadline-passed"),
    SOURCE_SILENT("source-silent"),
    INPUT_ERROR("input-error");

    private final String wire;

    AlertKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The kind of a wire name; {@link IllegalArgumentException} naming it when there is none. */
    public static AlertKind fromWire(String wire) {
        for (AlertKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown alert kind '" + wire + "'");
    }
}
