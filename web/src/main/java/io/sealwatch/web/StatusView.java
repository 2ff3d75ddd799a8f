package io.sealwatch.web;

/**
 * Where the status server reads the service's state. Called once per request, from the server's threads:
 * it must be thread-safe and cheap (hand back what the service already holds, never judge on demand).
 */
@FunctionalInterface
public interface StatusView {
    StatusSnapshot snapshot();
}
