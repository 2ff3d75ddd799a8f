package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;

/** A drill or a review of an account ({@code kind} is {@code drill} or {@code review}), read from evidence. */
public record ProgramEvent(String kind, String account, Instant time, String actor, EvidenceRef evidence) {
    /** The order every output lists drills and reviews in: by time, account, kind, then who led it. */
    public static final Comparator<ProgramEvent> ORDER = Comparator.comparing(ProgramEvent::time)
            .thenComparing(ProgramEvent::account).thenComparing(ProgramEvent::kind)
            .thenComparing(ProgramEvent::actor, Comparator.nullsFirst(Comparator.naturalOrder()));
}
