package io.sealwatch.alerts;

import java.io.IOException;

/**
 * One configured alert destination. Implementations live in {@code io.sealwatch.alerts.sink} and are made by a
 * {@link SinkFactory}.
 */
public interface Sink {
    /**
     * Delivers one alert, or throws. An exception's message is shown on the status page, so it must carry no secret
     * and no URL that holds one. Called from one thread per sink; should give up within about 15 seconds (a slow
     * sink delays only itself, but a stuck one delays shutdown).
     */
    void deliver(Alert alert) throws IOException;
}
