package io.sealwatch.model;

import java.util.Locale;

/** What a normalised event is about. The wire name (lower case, dashes) is what Parquet and JSON carry. */
public enum EventClass {
    AUTHENTICATION, API_ACTIVITY, ACCOUNT_CHANGE, SECRET_ACCESS,
    APPROVAL, CUSTODY, NOTIFICATION, ROTATION, DRILL, REVIEW,
    /** An approved change to an account outside a use (evidence kind {@code change}). */
    APPROVED_CHANGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EventClass fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
