package io.sealwatch.rules;

import io.sealwatch.config.People;
import io.sealwatch.model.Custody;
import io.sealwatch.model.ProgramEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Small functions the rules call from their conditions ({@code eval}, {@code from}) where DRL alone
 * would be clumsy. People and group names compare case-insensitively everywhere.
 */
public final class RuleSupport {

    private RuleSupport() {
    }

    /** True when {@code name} is in {@code names}, ignoring case; never for a null name. */
    public static boolean containsIgnoreCase(Collection<String> names, String name) {
        return name != null && names != null && names.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** True when {@code person} is one of {@code people}, by e-mail or user name ({@link People}). */
    public static boolean containsPerson(Collection<String> people, String person) {
        return People.contains(people, person);
    }

    public static boolean samePerson(String a, String b) {
        return People.same(a, b);
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** How many different people released the given shares (by e-mail or user name, nulls ignored). */
    public static int distinctCustodians(Collection<Custody> shares) {
        return (int) shares.stream().map(Custody::custodian).filter(Objects::nonNull)
                .map(People::key).distinct().count();
    }

    /** {@code t} minus a calendar period, in UTC (so "P3M" before 2026-10-01 is 2026-07-01). */
    public static Instant minusUtc(Instant t, java.time.Period p) {
        return t.atOffset(ZoneOffset.UTC).minus(p).toInstant();
    }

    /** The latest of the given times, nulls ignored: when the last of several conditions came true. */
    public static Instant latest(Instant... times) {
        return java.util.Arrays.stream(times).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** When the first of the given shares was released, or null when there is none. */
    public static Instant firstRelease(Collection<Custody> shares) {
        return shares.stream().map(Custody::time).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The latest of the given program events as a list of at most one (evidence of the last drill/review). */
    public static List<ProgramEvent> latest(Collection<ProgramEvent> events) {
        return events.stream().max(Comparator.comparing(ProgramEvent::time)
                .thenComparing(e -> String.valueOf(e.evidence()))).map(List::of).orElse(List.of());
    }

    /** Time of the latest program event, or null when there is none. */
    public static Instant latestTime(Collection<ProgramEvent> events) {
        return latest(events).stream().map(ProgramEvent::time).findFirst().orElse(null);
    }
}
