package io.sealwatch.rules;

import io.sealwatch.model.Authentication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failed authentications of one account grouped the way BG-FAILED-LOGIN reports them: per episode
 * when they fall inside one, else per UTC calendar day — one finding per burst, not per attempt.
 *
 * @param episode  the episode id, or null outside episodes
 * @param day      the UTC day of the attempts (of the first, for an episode)
 * @param attempts the failed authentications, in time order
 */
public record FailedLogins(String account, String episode, LocalDate day, List<Authentication> attempts) {

    public Instant first() {
        return attempts.get(0).time();
    }

    /** "during episode X" or "on 2026-07-03 outside any episode". */
    public String scope() {
        return episode != null ? "during episode " + episode : "on " + day + " outside any episode";
    }

    /** Groups failed authentications; the order of the result is deterministic (account, then group key). */
    public static List<FailedLogins> group(List<Authentication> failures) {
        Map<List<String>, List<Authentication>> groups = new TreeMap<>(Comparator
                .<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Authentication a : failures) {
            String key = a.episode() != null ? "episode " + a.episode() : "day " + utcDay(a.time());
            groups.computeIfAbsent(List.of(String.valueOf(a.account()), key), k -> new ArrayList<>()).add(a);
        }
        List<FailedLogins> out = new ArrayList<>();
        groups.values().forEach(attempts -> {
            attempts.sort(Comparator.comparing(Authentication::time)
                    .thenComparing(a -> a.evidence() == null ? "" : a.evidence().toString()));
            Authentication first = attempts.get(0);
            out.add(new FailedLogins(first.account(), first.episode(), utcDay(first.time()), List.copyOf(attempts)));
        });
        return out;
    }

    private static LocalDate utcDay(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
