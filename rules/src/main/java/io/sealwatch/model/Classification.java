package io.sealwatch.model;

import java.util.Locale;

/** Why an episode happened, as far as the evidence shows (docs/auditors-guide.md). */
public enum Classification {
    DRILL, EMERGENCY, UNEXPLAINED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
