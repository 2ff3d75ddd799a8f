package io.sealwatch.rules;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.Waiver;
import io.sealwatch.model.AccountChange;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.ChangeApproval;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Period;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.SealRelease;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one fact builder of the rule tests. {@link #clean()} is a compliant quarter with one episode
 * that fires no rule at all; each rule test changes the one thing that makes its rule fire (or
 * nearly). Fields are public and mutable on purpose: a case reads as the change it makes.
 */
public final class Fixture {

    public static final String ACCOUNT = "aws-root";
    public static final Instant START = Instant.parse("2026-08-14T03:00:00Z");
    public static final String EPISODE = Episode.idOf(ACCOUNT, START);
    public static final String ACTOR = "arn:aws:iam::111122223333:user/breakglass-admin";
    public static final String APPROVER = "ciso@example.com";
    public static final Period QUARTER = new Period(Instant.parse("2026-07-01T00:00:00Z"),
            Instant.parse("2026-10-01T00:00:00Z"));

    private static RuleEngine engine;

    public Period period = QUARTER;
    public Policy policy = Policy.defaults();
    public List<String> approvers = new ArrayList<>(List.of(APPROVER, "secops-manager@example.com"));
    public List<String> custodians = new ArrayList<>(List.of("alice@example.com", "bob@example.com",
            "carol@example.com"));
    public int quorum = 2;
    public Duration maxSession = Duration.ofHours(4);
    public List<Waiver> waivers = new ArrayList<>();

    /** The episode: starts at {@link #START}, lasts {@link #length}. */
    public Duration length = Duration.ofHours(1);
    public String incident = "INC-4211";
    public List<String> actors = new ArrayList<>(List.of(ACTOR));
    public boolean withEpisode = true;

    /** The facts go straight into the builder the engine collects them in, rather than into a copy of its lists. */
    private final Facts.Builder builder = new Facts.Builder();
    public final List<Approval> approvals = builder.approvals;
    public final List<Custody> custody = builder.custody;
    public final List<Notification> notifications = builder.notifications;
    public final List<Authentication> authentications = builder.authentications;
    public final List<CredentialRotation> rotations = builder.rotations;
    public final List<PersistentAccess> persistentAccess = builder.persistentAccess;
    public final List<ProgramEvent> programEvents = builder.programEvents;
    public final List<CoverageGap> gaps = builder.gaps;
    public final List<AccountChange> changes = builder.changes;
    public final List<ChangeApproval> changeApprovals = builder.changeApprovals;
    public final List<SealRelease> sealReleases = builder.sealReleases;

    private long records;

    /** A compliant quarter: approved, unsealed by quorum, notified, strong MFA, rotated, drilled, reviewed. */
    public static Fixture clean() {
        Fixture f = new Fixture();
        f.approval(APPROVER, Duration.ofMinutes(-10));
        f.custody("alice@example.com", Duration.ofMinutes(-20));
        f.custody("bob@example.com", Duration.ofMinutes(-18));
        f.notification("security-leadership", Duration.ofMinutes(5));
        f.notification("engineering-leadership", Duration.ofMinutes(5));
        f.signIn("webauthn", false);
        for (String credential : List.of("password", "mfa", "access-key")) {
            f.rotation(credential, f.deadline(), f.end().plus(Duration.ofHours(1)));
        }
        f.access("access-key", "AKIAEXAMPLE", f.end().plus(Duration.ofHours(1)), f.deadline());
        f.program("drill", Instant.parse("2026-09-01T10:00:00Z"));
        f.program("review", Instant.parse("2026-03-01T10:00:00Z"));
        return f;
    }

    public static synchronized RuleEngine engine() {
        if (engine == null) {
            try {
                engine = RuleEngine.load(List.of());
            } catch (RuleCompileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return engine;
    }

    public Instant end() {
        return START.plus(length);
    }

    /** The rotation deadline of the episode: its end + rotate-within. */
    public Instant deadline() {
        return end().plus(policy.rotateWithin());
    }

    /** When the episode settles: its verdict is final from then on. */
    public Instant settles() {
        return policy.settlesAt(end());
    }

    /** The period as it would be judged ending at {@code to} (e.g. before a deadline has passed). */
    public Fixture until(Instant to) {
        period = new Period(period.from(), to);
        return this;
    }

    /** Applies a change to the public fields, so that a case stays one expression (see RuleCase). */
    public Fixture with(Consumer<Fixture> change) {
        change.accept(this);
        return this;
    }

    public EvidenceRef ref() {
        return new EvidenceRef("evidence", "evidence.csv", ++records, null);
    }

    /** An approval at {@code offset} from the start; late when after it. */
    public Fixture approval(String approver, Duration offset) {
        approvals.add(new Approval(EPISODE, ACCOUNT, START.plus(offset), approver, incident, !offset.isNegative() && !offset.isZero(),
                ref()));
        return this;
    }

    public Fixture custody(String custodian, Duration offset) {
        return custody(EPISODE, custodian, offset);
    }

    public Fixture custody(String episode, String custodian, Duration offset) {
        custody.add(new Custody(episode, ACCOUNT, START.plus(offset), custodian, "share-" + (records + 1), ref()));
        return this;
    }

    public Fixture notification(String group, Duration latency) {
        notifications.add(new Notification(EPISODE, ACCOUNT, START.plus(latency), group, latency.toSeconds(), ref()));
        return this;
    }

    /** A successful sign-in of {@link #ACTOR} at the start of the episode. */
    public Fixture signIn(String mfa, boolean federated) {
        return authentication(EPISODE, START, true, mfa, federated);
    }

    public Fixture authentication(String episode, Instant time, boolean success, String mfa, boolean federated) {
        authentications.add(new Authentication(episode, ACCOUNT, time, ACTOR, success, mfa, federated,
                new EvidenceRef("aws-cloudtrail", "trail.json", ++records, "evt-" + records)));
        return this;
    }

    /** Sets the rotation state of one credential (replacing any earlier one). */
    public Fixture rotation(String credential, Instant deadline, Instant rotatedAt) {
        rotations.removeIf(r -> r.credential().equals(credential));
        rotations.add(new CredentialRotation(EPISODE, ACCOUNT, credential, deadline, rotatedAt,
                rotatedAt == null ? null : ref()));
        return this;
    }

    /** Sets the persistent access created during the episode (replacing any earlier one). */
    public Fixture access(String kind, String object, Instant removed, Instant deadline) {
        persistentAccess.clear();
        persistentAccess.add(new PersistentAccess(EPISODE, ACCOUNT, kind, object, START.plus(Duration.ofMinutes(10)),
                removed, deadline, ref()));
        return this;
    }

    /** Sets the only program event of its kind. */
    public Fixture program(String kind, Instant time) {
        programEvents.removeIf(p -> p.kind().equals(kind));
        programEvents.add(new ProgramEvent(kind, ACCOUNT, time, "alice@example.com", ref()));
        return this;
    }

    /** A change to the account by an administrator outside the episode; {@code countsFor} as in the fact. */
    public Fixture change(String action, Instant time, String countsFor) {
        changes.add(new AccountChange(ACCOUNT, time, "aws-cloudtrail", action,
                "arn:aws:iam::111122223333:user/alice", countsFor,
                new EvidenceRef("aws-cloudtrail", "trail.json", ++records, "evt-" + records)));
        return this;
    }

    public Fixture changeApproval(String approver, Instant time) {
        changeApprovals.add(new ChangeApproval(ACCOUNT, time, approver, "CHG-1001", ref()));
        return this;
    }

    /** Shares released by alice and bob at {@code last} - 2 min and {@code last}, no use after them. */
    public Fixture sealRelease(Instant last, List<String> unrotated) {
        Instant decided = last.plus(policy.custodyWindow().compareTo(policy.rotateWithin()) > 0
                ? policy.custodyWindow() : policy.rotateWithin());
        sealReleases.add(new SealRelease(ACCOUNT, last.minus(Duration.ofMinutes(2)), last,
                List.of("alice@example.com", "bob@example.com"), decided, unrotated, List.of(ref(), ref())));
        return this;
    }

    public Fixture gap(String source, Instant from, Instant to) {
        gaps.add(new CoverageGap(source, from, to, Duration.between(from, to).toSeconds()));
        return this;
    }

    public Fixture requireIncident(boolean require) {
        Policy p = policy;
        policy = new Policy(p.episodeGap(), p.approvalWindow(), p.approvalGrace(), p.custodyWindow(), p.notifyWithin(),
                p.notifyRecipients(), p.rotateWithin(), p.strongMfa(), require, p.logGap(), p.drillEvery(),
                p.reviewEvery(), p.settleAfter(), p.lookback());
        return this;
    }

    public SealwatchConfig config() {
        AccountSpec account = new AccountSpec(ACCOUNT, "AWS management account break-glass user",
                List.of(new IdentityMatch("aws-cloudtrail", ACTOR)),
                List.of(new IdentityMatch("vault-audit", "secret/data/breakglass/aws/*")),
                List.of("password", "mfa", "access-key"), custodians, quorum, maxSession, List.of());
        return new SealwatchConfig(Path.of("sealwatch.yaml"), "0".repeat(64), "Example Corp", "UTC",
                List.of(new SourceSpec("aws-cloudtrail", "logs/cloudtrail/*.json", 1)), List.of(account), approvers,
                policy, null, waivers);
    }

    public Episode episode() {
        Map<String, Long> notified = new LinkedHashMap<>();
        notifications.forEach(n -> notified.merge(n.recipient(), n.latencySeconds(), Math::min));
        Map<String, Instant> rotated = new LinkedHashMap<>();
        rotations.forEach(r -> rotated.put(r.credential(), r.rotatedAt()));
        EvidenceRef first = new EvidenceRef("aws-cloudtrail", "trail.json", 1000, "evt-first");
        EvidenceRef last = new EvidenceRef("aws-cloudtrail", "trail.json", 1001, "evt-last");
        return new Episode(EPISODE, ACCOUNT, Classification.EMERGENCY, START, end(), length.toSeconds(),
                List.of("aws-cloudtrail"), actors, 12, approvals.stream().map(Approval::approver).toList(),
                custody.stream().map(c -> c.custodian().toLowerCase(Locale.ROOT)).distinct().toList(), incident,
                notified, rotated, first, last, incident == null || incident.isBlank() ? null : START,
                maxSession != null && length.compareTo(maxSession) > 0 ? end() : null);
    }

    public Facts facts() {
        builder.episodes.clear();
        if (withEpisode) {
            builder.episodes.add(episode());
        }
        return builder.build(config(), period);
    }

    public Evaluation evaluate() {
        return engine().evaluate(facts());
    }

    /** The findings of one rule. */
    public List<Finding> findings(String rule) {
        return evaluate().findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
