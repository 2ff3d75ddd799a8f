package io.sealwatch.alerts.sink;

import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.Sink;
import io.sealwatch.alerts.SinkFactory;
import io.sealwatch.config.AlertSpec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The HTTP side of the webhook, Slack and PagerDuty sinks: one POST of JSON with the service's timeouts, and
 * failures described without the URL (a Slack webhook URL is itself the secret).
 */
final class Http {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * One client for all sinks: its connections are per request target, so a stuck receiver holds only its own. The
     * JVM's proxy settings ({@code https.proxyHost}, …) apply, as most networks reach Slack or PagerDuty only so.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .proxy(ProxySelector.getDefault()).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** The sink's URL, from {@code url} or the variable named by {@code url-env}; http or https with a host. */
    static URI uri(AlertSpec spec, Function<String, String> env) {
        String raw = spec.url() != null ? spec.url() : SinkFactory.required(spec, env, "url-env", spec.urlEnv());
        return checked(spec, raw, spec.url() != null ? "'url'" : "the URL in " + spec.urlEnv());
    }

    /** A URL given in the config or a built-in default; {@code what} names it in the message, never a secret URL. */
    static URI checked(AlertSpec spec, String raw, String what) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // the same message as for a URL of another kind
        }
        throw new IllegalArgumentException(SinkFactory.where(spec) + ": " + what + " is not an http or https URL");
    }

    /**
     * POSTs a JSON body and returns the status code.
     *
     * @param headers further header names and values, alternating
     * @throws IOException no answer (connection refused, timed out, interrupted by the outbox closing), described
     *                     without the URL
     */
    static int post(URI uri, byte[] body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpConnectTimeoutException e) {
            throw new IOException("could not connect within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (IOException e) {
            throw new IOException(redacted(e, uri), e);
        }
    }

    /** The body a sink posts for an alert. */
    @FunctionalInterface
    interface Body {
        byte[] of(Alert alert) throws IOException;
    }

    /** A sink that posts each alert's {@code body} to {@code uri}, delivered on one of {@code accepted} (any 2xx when none). */
    static Sink posting(URI uri, Body body, int... accepted) {
        return alert -> expect(post(uri, body.of(alert)), accepted);
    }

    /** Throws unless the status is one of {@code accepted} (any 2xx when none is given). */
    static void expect(int status, int... accepted) throws IOException {
        boolean ok = accepted.length == 0 ? status / 100 == 2 : Arrays.stream(accepted).anyMatch(a -> a == status);
        if (!ok) {
            throw new IOException("the receiver answered HTTP " + status);
        }
    }

    /** An I/O failure as "Class: message", with the URL, its path and query cut out of the message. */
    private static String redacted(IOException e, URI uri) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (String secret : new String[] {uri.toString(), uri.getRawPath(), uri.getRawQuery()}) {
            if (secret != null && secret.length() > 1) {
                m = m.replace(secret, "…");
            }
        }
        return "connection failed (" + e.getClass().getSimpleName() + (m.isBlank() ? "" : ": " + m) + ")";
    }
}
