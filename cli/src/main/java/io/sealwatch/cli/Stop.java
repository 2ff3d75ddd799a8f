package io.sealwatch.cli;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.ServiceSignals;
import sun.misc.Signal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * How the process ends, in one place. Ctrl-C and {@code SIGTERM} stop a batch run with one sentence and
 * exit 3 (an interrupted run is a failure, never findings), and ask a running service to stop cleanly;
 * the libraries' own reactions to the stop (Spark's aborted jobs print pages of traces) are silenced
 * unless {@code -v}. When something other
 * than Sealwatch ends the JVM — Spark exits with 52 after a fatal error in a task, e.g. out of memory —
 * the exit code is still 3 and the reason one sentence.
 */
final class Stop {
    /** How long the other shutdown hooks (our clean-up beside --out, Spark's temporary folders) get. */
    private static final long GRACE_MILLIS = 3_000;
    /** A service asked to stop gets this long before the process ends anyway (systemd waits 90 s, Kubernetes 30 s). */
    private static final Duration SERVICE_STOP = Duration.ofSeconds(9);

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
        for (String name : new String[]{"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), Stop::signalled);
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

    /**
     * A running service stops cleanly (the command then returns its own exit code) or, on {@code SIGHUP},
     * reloads its config; a batch job is interrupted: one sentence and exit 3 ({@code SIGHUP} too, as the
     * JVM's default would end it).
     */
    private static void signalled(Signal s) {
        ServiceSignals.Service service = ServiceSignals.current();
        if (service != null && "HUP".equals(s.getName())) {
            service.requestReload();
            return;
        }
        if (service != null) {
            STDERR.println("sealwatch: SIG" + s.getName() + " received; stopping");
            service.requestStop();
            try {
                if (service.awaitStopped(SERVICE_STOP)) {
                    return;   // the main thread ends the process with the service's exit code
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            STDERR.println("sealwatch: the service did not stop within " + SERVICE_STOP.toSeconds()
                    + " s; ending it (its state is written atomically and stays consistent)");
            mute();
            exit(ExitCode.INCOMPLETE.code());
            return;
        }
        STDERR.println();
        STDERR.println("sealwatch: interrupted (SIG" + s.getName() + "); stopping — a previous bundle in "
                + "--out is left as it was");
        mute();
        exit(ExitCode.INCOMPLETE.code());
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
