package io.sealwatch.model;

import java.util.Locale;

/** Where one credential's rotation after one episode stands, as of a moment; worst first. */
public enum RotationStatus {
    /** the deadline passed without a rotation */
    MISSING,
    /** rotated after the deadline */
    LATE,
    /** not rotated yet, the deadline is still ahead */
    PENDING,
    /** rotated by the deadline */
    DONE;

    /** The word in JSON, the workbook and the PDF. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
