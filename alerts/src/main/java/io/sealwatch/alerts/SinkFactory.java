package io.sealwatch.alerts;

import io.sealwatch.config.AlertSpec;

import java.util.function.Function;

/**
 * Makes the sinks of one {@code alerts[].type}. Found through {@link java.util.ServiceLoader}: a new sink type is one
 * class and one line in {@code META-INF/services/io.sealwatch.alerts.SinkFactory}.
 */
public interface SinkFactory {
    /** The config's {@code type}, e.g. {@code webhook}. */
    String type();

    /**
     * A sink for one config entry, its secrets read from {@code env} now, so that a missing variable stops the
     * service at start and not at the first alert.
     *
     * @throws IllegalArgumentException naming the sink (type and config line) and what is wrong, never a secret
     */
    Sink create(AlertSpec spec, Function<String, String> env);

    /** The value of an environment variable a sink needs; one that is missing or empty is an error naming it. */
    static String required(AlertSpec spec, Function<String, String> env, String key, String variable) {
        String value = variable == null ? null : env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(where(spec) + ": " + (variable == null ? "'" + key + "' is not set"
                    : "environment variable " + variable + " (" + key + ") is not set or empty"));
        }
        return value;
    }

    /** How messages name a sink: its type and its line in the config. */
    static String where(AlertSpec spec) {
        return "alert sink " + spec.type() + " (config line " + spec.line() + ")";
    }
}
