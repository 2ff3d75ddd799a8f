package io.sealwatch.model;

import java.time.Instant;

/** A drill or a review of an account ({@code kind} is {@code drill} or {@code review}), read from evidence. */
public record ProgramEvent(String kind, String account, Instant time, String actor, EvidenceRef evidence) {
}
