package io.sealwatch.cli.watch;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.alerts.Outbox;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.cli.base.ProcessLock;
import io.sealwatch.cli.base.ServiceSignals;
import io.sealwatch.cli.job.Launch;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.config.ConfigException;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.WatchSpec;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.catalog.Renderers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * {@code sealwatch watch}: checks everything the service needs before it starts — the config (exit 2
 * naming key and line), the listen address and its bearer token, the signing key when bundles are
 * configured, the lock on {@code watch.state}, every sink's environment variables (the outbox checks them)
 * — then runs it until stopped.
 */
public final class Watch {
    /** The lock that keeps a second service off the same state folder. */
    static final String LOCK = "watch.lock";

    private Watch() {
    }

    /** The command line, as plain values. {@code host}/{@code port} null: as configured. */
    public record Options(Path config, String host, Integer port, String master, List<Path> ruleDirs,
                          boolean verbose) {
    }

    /** Why the service cannot start: a usage or configuration error (exit 2), already worded. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    public static int run(Options options, PrintStream err, Clock clock, Function<String, String> env) {
        Service service;
        try {
            service = open(options, err, clock, env);
        } catch (Refused e) {
            if (e.getMessage() != null) {
                err.println("sealwatch watch: " + e.getMessage());
            }
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("sealwatch watch: the state folder cannot be written: " + Failure.describe(e));
            return ExitCode.INCOMPLETE.code();
        }
        ServiceSignals.register(service);
        try (service) {
            Setup s = service.setup();
            err.println("sealwatch: watching " + s.config().sources().size() + " source(s) of " + s.config().file()
                    + " every " + s.config().watch().poll() + "; state " + s.state() + "; status page " + s.page());
            return service.loop();
        } catch (IOException e) {
            err.println("sealwatch watch: " + Failure.describe(e));
            return ExitCode.INCOMPLETE.code();
        } finally {
            ServiceSignals.unregister(service);
        }
    }

    /** A service ready to poll, its state locked; the caller closes it. */
    static Service open(Options options, PrintStream err, Clock clock, Function<String, String> env)
            throws Refused, IOException {
        SealwatchConfig config;
        try {
            config = ConfigLoader.load(options.config(), false);
        } catch (ConfigException e) {
            e.errors().forEach(x -> err.println("sealwatch: " + x));
            throw new Refused(null);
        }
        WatchSpec watch = config.watch();
        String host = options.host() == null ? watch.host() : options.host();
        int port = options.port() == null ? watch.port() : options.port();
        checkListen(watch.withListen(host, port), options.config(), env);
        boolean sign = watch.nightlyOut() != null || watch.quarterlyOut() != null;
        PeriodSpec.Resolved period = PeriodSpec.resolve(null, clock.instant().toString(), null, clock);
        String password = sign && config.signing() != null ? env.apply(config.signing().passwordEnv()) : null;
        RunOptions prepare = new RunOptions(options.config(), period.period(), null, options.master(),
                Severity.CRITICAL, sign, password == null ? null : password.toCharArray(), options.ruleDirs(), null,
                null, null);
        Path state = watch.state();
        Files.createDirectories(state);
        ProcessLock lock;
        try {
            lock = ProcessLock.acquire(state.resolve(LOCK));
        } catch (ProcessLock.Held held) {
            throw new Refused("watch.state " + state + " is used by another service (process " + held.pid()
                    + ", lock " + state.resolve(LOCK) + "); one service per state folder");
        }
        Launch.Prepared prepared = Launch.prepare(prepare, err, Renderers.run());
        if (prepared == null) {
            lock.close();
            throw new Refused(null);
        }
        Setup setup = new Setup(prepared.config(), prepared.rules(), prepared.signer(), host, port, options.master(),
                options.ruleDirs());
        PrometheusRegistry registry = new PrometheusRegistry();
        Outbox outbox = null;
        try {
            outbox = Outbox.open(state.resolve("outbox"), config.alerts(), env, clock, registry);
            Service service = new Service(setup, lock, outbox, new WatchMetrics(registry), clock, err,
                    options.verbose());
            service.serve(watch.authTokenEnv() == null ? null : env.apply(watch.authTokenEnv()), registry);
            return service;
        } catch (IllegalArgumentException e) {
            closeAll(outbox, lock);
            throw new Refused(e.getMessage());   // a sink's variable is missing, or a setting is unusable
        } catch (IOException | RuntimeException e) {
            closeAll(outbox, lock);
            throw e;
        }
    }

    private static void closeAll(Outbox outbox, ProcessLock lock) throws IOException {
        try {
            if (outbox != null) {
                outbox.close();
            }
        } finally {
            lock.close();
        }
    }

    /** Off loopback the page must demand a bearer token, and the variable holding it must be set. */
    private static void checkListen(WatchSpec watch, Path config, Function<String, String> env) throws Refused {
        if (watch.loopback()) {
            return;
        }
        String where = watch.host() + ":" + watch.port();
        if (watch.authTokenEnv() == null) {
            throw new Refused(config + ": watch.listen " + where + " is not a loopback address: set "
                    + "watch.auth-token-env to the environment variable holding the bearer token every request "
                    + "must carry, or listen on 127.0.0.1");
        }
        String token = env.apply(watch.authTokenEnv());
        if (token == null || token.isBlank()) {
            throw new Refused("environment variable " + watch.authTokenEnv() + " (watch.auth-token-env) is not set "
                    + "or empty; it must hold the bearer token for " + where);
        }
    }
}
