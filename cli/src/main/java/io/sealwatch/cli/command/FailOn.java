package io.sealwatch.cli.command;

import io.sealwatch.model.Severity;

/**
 * The values of {@code --fail-on}, shared by {@code run} and {@code review}; picocli rejects any other word
 * with the list below. Lower case because these are the words users type and read in {@code --help}
 * ({@code ${COMPLETION-CANDIDATES}}); Main accepts them in any case, as before.
 */
enum FailOn {
    critical, high, medium, low, info;

    Severity severity() {
        return Severity.fromWire(name());
    }
}
