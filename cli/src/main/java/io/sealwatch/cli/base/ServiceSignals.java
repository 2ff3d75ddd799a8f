package io.sealwatch.cli.base;

import java.time.Duration;

/**
 * Where the long-lived service ({@code watch}) tells the process's signal handling that it is running:
 * while one is registered, {@code SIGTERM}/{@code SIGINT} ask it to stop cleanly instead of ending the
 * process at once, and {@code SIGHUP} asks it to reload its config. Batch commands register nothing.
 */
public final class ServiceSignals {
    private static volatile Service current;

    private ServiceSignals() {
    }

    /** What a running service does on a signal. */
    public interface Service {
        /** Asks the service to stop after the step it is in; returns at once. */
        void requestStop();

        /** True when the service has stopped within {@code limit}. */
        boolean awaitStopped(Duration limit) throws InterruptedException;

        /** Asks the service to reload its config at its next step; returns at once. */
        void requestReload();
    }

    public static void register(Service service) {
        current = service;
    }

    public static void unregister(Service service) {
        if (current == service) {
            current = null;
        }
    }

    /** The running service, or null. */
    public static Service current() {
        return current;
    }
}
