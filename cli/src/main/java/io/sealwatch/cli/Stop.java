package io.sealwatch.cli;

import io.sealwatch.cli.base.ExitCode;
import sun.misc.Signal;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * How the process ends, in one place. Ctrl-C and {@code SIGTERM} stop the run with one sentence and
 * exit 3 (an interrupted run is a failure, never findings); the libraries' own reactions to the stop
 * (Spark's aborted jobs print pages of traces) are silenced unless {@code -v}. When something other
 * than Sealwatch ends the JVM — Spark exits with 52 after a fatal error in a task, e.g. out of memory —
 * the exit code is still 3 and the reason one sentence.
 */
final class Stop {
    /** How long the other shutdown hooks (our clean-up beside --out, Spark's temporary folders) get. */
    private static final long GRACE_MILLIS = 3_000;

    private static volatile boolean ours;
    private static volatile boolean verbose;
    private static volatile boolean muted;
    private static final PrintStream STDERR = System.err;

    private Stop() {
    }

    static void install(boolean beVerbose) {
        verbose = beVerbose;
        // Everything written to stderr from here on passes a gate that closes when the run is stopped:
        // threads still unwinding (the job, Spark) then add nothing to the one sentence.
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (!muted) {
                    STDERR.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!muted) {
                    STDERR.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                STDERR.flush();
            }
        }, true));
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    STDERR.println();
                    STDERR.println("sealwatch: interrupted (SIG" + s.getName() + "); stopping — a previous bundle in "
                            + "--out is left as it was");
                    mute();
                    exit(ExitCode.INCOMPLETE.code());
                });
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ours) {
                return;
            }
            STDERR.println("sealwatch: stopped by a fatal error inside Spark (most often out of memory: give the JVM "
                    + "more, e.g. JAVA_OPTS=-Xmx4g); a previous bundle in --out is left as it was");
            mute();
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(ExitCode.INCOMPLETE.code());
        }, "sealwatch-exit-code"));
    }

    /** Ends the process with {@code code}: the only way Sealwatch itself exits. */
    static void exit(int code) {
        ours = true;
        System.exit(code);
    }

    private static void mute() {
        muted = !verbose;
    }
}
