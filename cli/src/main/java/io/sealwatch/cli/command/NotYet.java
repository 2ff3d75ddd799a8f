package io.sealwatch.cli.command;

import io.sealwatch.cli.ExitCode;

/** What a command that is not built yet says. */
final class NotYet {
    private NotYet() {
    }

    static int say(String command) {
        System.err.println("sealwatch " + command + ": not implemented yet in this version; see the README for "
                + "what works today.");
        return ExitCode.USAGE.code();
    }
}
