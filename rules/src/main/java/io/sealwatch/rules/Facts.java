package io.sealwatch.rules;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.AccountChange;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.ChangeApproval;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Period;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.SealRelease;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rules judge: the episodes starting in the period with what was attached to them,
 * the authentications (failed ones too) in the period, and the account-level program evidence
 * (drills, reviews) from any time up to the period end; and what happened to the accounts between
 * uses: changes outside every episode, approved changes, and shares released without a use.
 */
public record Facts(SealwatchConfig config, Period period, List<Episode> episodes, List<Approval> approvals,
                    List<Custody> custody, List<Notification> notifications, List<Authentication> authentications,
                    List<CredentialRotation> rotations, List<PersistentAccess> persistentAccess,
                    List<ProgramEvent> programEvents, List<CoverageGap> gaps, List<AccountChange> changes,
                    List<ChangeApproval> changeApprovals, List<SealRelease> sealReleases) {

    /** Facts of episodes only, with nothing between uses. */
    public Facts(SealwatchConfig config, Period period, List<Episode> episodes, List<Approval> approvals,
                 List<Custody> custody, List<Notification> notifications, List<Authentication> authentications,
                 List<CredentialRotation> rotations, List<PersistentAccess> persistentAccess,
                 List<ProgramEvent> programEvents, List<CoverageGap> gaps) {
        this(config, period, episodes, approvals, custody, notifications, authentications, rotations,
                persistentAccess, programEvents, gaps, List.of(), List.of(), List.of());
    }

    /** Collects facts while episodes are rebuilt; {@link #build} freezes them. */
    public static final class Builder {
        public final List<Episode> episodes = new ArrayList<>();
        public final List<Approval> approvals = new ArrayList<>();
        public final List<Custody> custody = new ArrayList<>();
        public final List<Notification> notifications = new ArrayList<>();
        public final List<Authentication> authentications = new ArrayList<>();
        public final List<CredentialRotation> rotations = new ArrayList<>();
        public final List<PersistentAccess> persistentAccess = new ArrayList<>();
        public final List<ProgramEvent> programEvents = new ArrayList<>();
        public final List<CoverageGap> gaps = new ArrayList<>();
        public final List<AccountChange> changes = new ArrayList<>();
        public final List<ChangeApproval> changeApprovals = new ArrayList<>();
        public final List<SealRelease> sealReleases = new ArrayList<>();

        public Facts build(SealwatchConfig config, Period period) {
            return new Facts(config, period, List.copyOf(episodes), List.copyOf(approvals), List.copyOf(custody),
                    List.copyOf(notifications), List.copyOf(authentications), List.copyOf(rotations),
                    List.copyOf(persistentAccess), List.copyOf(programEvents), List.copyOf(gaps),
                    List.copyOf(changes), List.copyOf(changeApprovals), List.copyOf(sealReleases));
        }
    }
}
