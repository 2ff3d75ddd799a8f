package io.sealwatch.result;

import io.sealwatch.config.Policy;
import io.sealwatch.model.Episode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether one recipient group the policy names was notified of one episode: the earliest notification of the
 * group (matched case-insensitively, as the rules match it) counts.
 *
 * @param latencySeconds from the episode start to that notification, or null when none was attached
 * @param due            the episode start + {@code notify-within}
 */
public record NotificationStatus(String group, Long latencySeconds, Instant due, State state) {

    public enum State { ON_TIME, LATE, MISSING }

    public boolean missing() {
        return state == State.MISSING;
    }

    /** The episode's status for every required group, in group-name order. */
    static List<NotificationStatus> of(Episode e, Policy policy) {
        long limit = policy.notifyWithin().toSeconds();
        return policy.notifyRecipients().stream().sorted().map(group -> {
            Long latency = e.notifications() == null ? null : e.notifications().entrySet().stream()
                    .filter(n -> n.getKey() != null && n.getKey().equalsIgnoreCase(group))
                    .map(Map.Entry::getValue).min(Comparator.naturalOrder()).orElse(null);
            State state = latency == null ? State.MISSING : latency > limit ? State.LATE : State.ON_TIME;
            return new NotificationStatus(group, latency, e.start().plus(policy.notifyWithin()), state);
        }).toList();
    }
}
