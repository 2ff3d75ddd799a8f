package io.sealwatch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.config.WatchSpec;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The watch service's status page, JSON API and metrics over HTTP (Javalin on Jetty 12). Read-only: GET and HEAD
 * only, anything else is 405. Off loopback it refuses to start without a bearer token, and with one every request
 * must carry it. Every response carries the security headers ({@link #SECURITY_HEADERS}), set by a Jetty customizer
 * so that Jetty's own error responses carry them too.
 */
public final class StatusServer implements AutoCloseable {

    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    static final String REQUESTS_METRIC = "sealwatch_http_requests";

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String OTHER_PATH = "other";
    private static final int MAX_THREADS = 16;
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern LOOPBACK_PORT = Pattern.compile(":\\d+$");

    private final Javalin app;
    private final PrometheusRegistry registry;
    private final Counter requests;

    private StatusServer(Javalin app, PrometheusRegistry registry, Counter requests) {
        this.app = app;
        this.registry = registry;
        this.requests = requests;
    }

    /**
     * Starts serving {@code view} on {@code host:port} (port 0: any free port, see {@link #port()}).
     *
     * @param bearerToken the token every request must carry ({@code Authorization: Bearer <token>}); null or blank
     *                    for none, which only a loopback {@code host} accepts
     * @param registry    the service's metrics, scraped by {@code /metrics}; the server adds its request counter
     *                    ({@code sealwatch_http_requests_total}) and takes it away again on {@link #close()}
     * @throws IllegalArgumentException on a non-loopback host without a token
     */
    public static StatusServer start(String host, int port, String bearerToken, StatusView view,
                                     PrometheusRegistry registry) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(registry, "registry");
        String token = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
        if (token == null && !WatchSpec.loopback(host)) {
            throw new IllegalArgumentException("The status page would listen on '" + host + "', which is not a loopback "
                    + "address, without a bearer token: name an environment variable holding one in "
                    + "watch.auth-token-env, or listen on 127.0.0.1.");
        }
        Counter requests = Counter.builder().name(REQUESTS_METRIC)
                .help("HTTP requests to the status server, by path and response status")
                .labelNames("path", "code").register(registry);
        Routes routes = new Routes(view, registry, token == null ? null : sha256(token), host);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.threadPool = threadPool();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.addCustomizer((request, headers) -> {
                    SECURITY_HEADERS.forEach(headers::put);
                    return request;
                });
            });
            config.routes.before(routes::admit);
            routes.pages().forEach((path, handler) -> {
                config.routes.get(path, handler);
                config.routes.head(path, handler);
            });
            config.routes.after(ctx -> requests.labelValues(routes.pages().containsKey(ctx.path()) ? ctx.path()
                    : OTHER_PATH, Integer.toString(ctx.statusCode())).inc());
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).contentType(TEXT).result(e.getMessage() + "\n"));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).contentType(TEXT)
                    .result("The service's status could not be shown: " + e.getMessage() + "\n"));
            config.routes.error(404, ctx -> ctx.contentType(TEXT).result("Not found.\n"));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            registry.unregister(requests);
            throw e;
        }
        return new StatusServer(app, registry, requests);
    }

    /** The bound port (the free port chosen when started with port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            registry.unregister(requests);
        }
    }

    /**
     * A status page needs few threads, and shares its machine with Spark: at most {@value #MAX_THREADS} (Jetty's own
     * default is 200). Daemon threads, so a server left open never keeps the JVM from ending.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("sealwatch-status");
        pool.setDaemon(true);
        return pool;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The handlers: admission (token, method) and one per path. */
    private static final class Routes {
        private final StatusView view;
        private final PrometheusRegistry registry;
        private final byte[] tokenHash;
        private final String listenHost;
        private final Map<String, Handler> pages = new LinkedHashMap<>();
        private final PrometheusTextFormatWriter metrics = PrometheusTextFormatWriter.create();

        Routes(StatusView view, PrometheusRegistry registry, byte[] tokenHash, String listenHost) {
            this.view = view;
            this.registry = registry;
            this.tokenHash = tokenHash;
            this.listenHost = listenHost;
            pages.put("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(StatusPage.render(snapshot())));
            pages.put("/api/episodes", json(s -> ApiJson.episodes(s.result())));
            pages.put("/api/findings", json(s -> ApiJson.findings(s.result())));
            pages.put("/api/alerts", json(ApiJson::alerts));
            pages.put("/api/outbox", json(ApiJson::outbox));
            pages.put("/api/sources", json(ApiJson::sources));
            pages.put("/metrics", this::metrics);
            pages.put("/healthz", this::health);
            pages.put("/static/status.css", resource("status.css", "text/css; charset=utf-8"));
            pages.put("/static/status.js", resource("status.js", "text/javascript; charset=utf-8"));
        }

        Map<String, Handler> pages() {
            return pages;
        }

        /**
         * Before every request: the token first (an unauthenticated caller learns nothing), then the method. Without
         * a token (loopback only), a request must name a loopback host: a web page elsewhere could otherwise point a
         * name of its own at 127.0.0.1 (DNS rebinding) and read the status from the user's browser.
         */
        void admit(Context ctx) {
            if (tokenHash != null && !carriesToken(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"sealwatch\"");
                throw new HttpResponseException(401, "A bearer token is required: Authorization: Bearer <token>.");
            }
            if (tokenHash == null && !loopbackName(ctx.host())) {
                throw new HttpResponseException(403, "Without a bearer token the status page answers only to "
                        + "localhost, 127.0.0.1, [::1] or " + listenHost + ".");
            }
            if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                ctx.header("Allow", "GET, HEAD");
                throw new HttpResponseException(405, "Read-only: only GET and HEAD are allowed.");
            }
        }

        /** The Host header's name (its port aside) is a loopback literal, {@code localhost} or the name listened on. */
        private boolean loopbackName(String hostHeader) {
            if (hostHeader == null) {
                return false;
            }
            String name = LOOPBACK_PORT.matcher(hostHeader.trim()).replaceFirst("").toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.equals("[::1]") || LOOPBACK_V4.matcher(name).matches()
                    || name.equals(listenHost.toLowerCase(Locale.ROOT));
        }

        /** Compares hashes of the tokens, so the comparison takes the same time whatever their lengths. */
        private boolean carriesToken(String authorization) {
            if (authorization == null || authorization.length() < 7
                    || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                return false;
            }
            return MessageDigest.isEqual(tokenHash, sha256(authorization.substring(7).trim()));
        }

        private StatusSnapshot snapshot() {
            return Objects.requireNonNull(view.snapshot(), "the status view gave no snapshot");
        }

        private Handler json(Function<StatusSnapshot, byte[]> body) {
            return ctx -> ctx.contentType(JSON).result(body.apply(snapshot()));
        }

        private void metrics(Context ctx) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            metrics.write(out, registry.scrape());
            ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
        }

        /** 200 {@code ok}, or 503 with the problem, also when the service cannot even give its status. */
        private void health(Context ctx) {
            String problem;
            try {
                StatusSnapshot s = snapshot();
                problem = s.healthy() ? null : s.problem() == null ? "not healthy" : s.problem();
            } catch (RuntimeException e) {
                problem = "the service's status is unavailable: " + e.getMessage();
            }
            ctx.contentType(TEXT).status(problem == null ? 200 : 503).result((problem == null ? "ok" : problem) + "\n");
        }

        private static Handler resource(String name, String contentType) {
            byte[] bytes;
            try (InputStream in = StatusServer.class.getResourceAsStream("static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("static/" + name + " is missing from the sealwatch-web jar");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ctx -> ctx.contentType(contentType).result(bytes);
        }
    }
}
