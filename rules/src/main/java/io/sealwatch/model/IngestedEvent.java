package io.sealwatch.model;

/**
 * A normalised event as ingest kept it (after duplicates were dropped): the event and the sha-256 of the
 * raw record it came from, by which re-deliveries were recognised. The bundle's events table holds these.
 */
public record IngestedEvent(NormalizedEvent event, String contentHash) {
}
