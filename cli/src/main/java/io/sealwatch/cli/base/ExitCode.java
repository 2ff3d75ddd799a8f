package io.sealwatch.cli.base;

/** The exit codes (docs/runbook.md, "Exit codes and what to do"). When several apply, 3 wins over 1: an incomplete night must not look ordinary. */
public enum ExitCode {
    /** The job completed with no finding at or above {@code --fail-on}. */
    OK(0),
    /** The job completed with findings at or above {@code --fail-on} (waived findings do not count). */
    FINDINGS(1),
    /** Usage or configuration error: nothing was run. */
    USAGE(2),
    /** Inputs unreadable, the bundle could not be produced, or it is incomplete because an input could not be read. */
    INCOMPLETE(3),
    /** {@code verify} found a mismatch. */
    VERIFY_FAILED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
