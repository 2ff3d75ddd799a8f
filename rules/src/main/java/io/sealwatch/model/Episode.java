package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One use of one break-glass account, with what was attached to it.
 *
 * @param id            {@code <account>/<start ISO-8601 to the second>}
 * @param actions       number of activity events in the episode
 * @param approvals     approvers of the attached approvals, in time order
 * @param custodians    custodians who released shares for it, distinct, in time order
 * @param notifications recipient group → latency in seconds from the start (only groups notified)
 * @param rotations     every credential of the account → time of the counted rotation, or null
 * @param first         the first activity event
 * @param last          the last activity event
 * @param incidentAt    when an attached record first named an incident, or null
 * @param overLimitAt   the first activity later than start + the account's max-session, or null
 */
public record Episode(
        String id, String account, Classification classification, Instant start, Instant end,
        long durationSeconds, List<String> sources, List<String> actors, long actions,
        List<String> approvals, List<String> custodians, String incident,
        Map<String, Long> notifications, Map<String, Instant> rotations,
        EvidenceRef first, EvidenceRef last, Instant incidentAt, Instant overLimitAt) {

    /** The order of episodes in every output: by start, then id. */
    public static final Comparator<Episode> ORDER = Comparator.comparing(Episode::start).thenComparing(Episode::id);

    public static String idOf(String account, Instant start) {
        return account + "/" + start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
