package io.sealwatch.model;

/** Where a fact came from: the source type, the input file, the line or record index, and the native event id if any. */
public record EvidenceRef(String source, String file, long record, String eventId) {
}
