package io.sealwatch.result;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleMeta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every output shows of a run and would otherwise derive on its own, derived once when the result is made:
 * the episodes and findings in their canonical orders ({@link Episode#ORDER}, {@link Finding#ORDER}), where each
 * episode stands ({@link EpisodeStatus}), each control's status, and each episode's notification status. The PDF, the workbooks, the JSON files and the
 * status page read these, so they cannot disagree.
 *
 * @param statuses      episode id → where it stands at the period end
 * @param notifications episode id → its status for each required recipient group, in group-name order
 */
public record RunViews(List<Episode> episodes, List<Finding> findings, Map<String, EpisodeStatus> statuses,
                       List<ControlStatus> controls, Map<String, List<NotificationStatus>> notifications) {

    public RunViews {
        episodes = List.copyOf(episodes);
        findings = List.copyOf(findings);
        statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        controls = List.copyOf(controls);
        notifications = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notifications));
    }

    static RunViews of(SealwatchConfig config, Facts facts, Evaluation evaluation, List<RuleMeta> rules) {
        List<Episode> episodes = facts.episodes().stream().sorted(Episode.ORDER).toList();
        List<Finding> findings = evaluation.findings().stream().sorted(Finding.ORDER).toList();
        Map<String, EpisodeStatus> statuses = new LinkedHashMap<>();
        Map<String, List<NotificationStatus>> notifications = new LinkedHashMap<>();
        if (config != null) {
            episodes.forEach(e -> {
                statuses.put(e.id(), EpisodeStatus.of(facts, e));
                notifications.put(e.id(), NotificationStatus.of(e, config.policy()));
            });
        }
        return new RunViews(episodes, findings, statuses, ControlStatus.of(rules, findings), notifications);
    }

    /** Where the episode stands at the period end. */
    public EpisodeStatus status(Episode e) {
        EpisodeStatus s = statuses.get(e.id());
        if (s == null) {
            throw new IllegalArgumentException("episode " + e.id() + " is not one of the run's");
        }
        return s;
    }

    /** The episode's status for each required recipient group (none when the run has no policy). */
    public List<NotificationStatus> notifications(Episode e) {
        return notifications.getOrDefault(e.id(), List.of());
    }

    /** The episode's status for {@code group}, one of the policy's recipient groups. */
    public NotificationStatus notification(Episode e, String group) {
        return notifications(e).stream().filter(n -> n.group().equals(group)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("'" + group + "' is not a recipient group of the policy"));
    }

    /** The recipient groups never notified of the episode, by name. */
    public List<String> missingGroups(Episode e) {
        return notifications(e).stream().filter(NotificationStatus::missing).map(NotificationStatus::group).toList();
    }
}
