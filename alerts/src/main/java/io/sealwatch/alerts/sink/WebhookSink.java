package io.sealwatch.alerts.sink;

import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.Sink;
import io.sealwatch.alerts.SinkFactory;
import io.sealwatch.config.AlertSpec;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * {@code webhook}: POSTs the alert's canonical JSON; with {@code secret-env}, signed in
 * {@code X-Sealwatch-Signature: sha256=<hex HMAC-SHA256 of the exact body>}. Any 2xx answer is a delivery.
 */
public final class WebhookSink {
    static final String SIGNATURE = "X-Sealwatch-Signature";

    private WebhookSink() {
    }

    private static void deliver(URI uri, SecretKeySpec key, Alert alert) throws IOException {
        byte[] body = alert.json();
        int status = key == null ? Http.post(uri, body) : Http.post(uri, body, SIGNATURE, "sha256=" + hmac(key, body));
        Http.expect(status);
    }

    private static String hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Registered in {@code META-INF/services/io.sealwatch.alerts.SinkFactory}. */
    public static final class Factory implements SinkFactory {
        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public Sink create(AlertSpec spec, Function<String, String> env) {
            URI uri = Http.uri(spec, env);
            SecretKeySpec key = spec.secretEnv() == null ? null : new SecretKeySpec(
                    SinkFactory.required(spec, env, "secret-env", spec.secretEnv()).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256");
            return alert -> deliver(uri, key, alert);
        }
    }
}
