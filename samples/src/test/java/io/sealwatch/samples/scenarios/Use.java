package io.sealwatch.samples.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The compliant use of the AWS break-glass user, each field one knob a scenario turns: by default custody released
 * by alice and bob 10 and 8 min before the 09:00 start, the CISO's approval 5 min before, a U2F sign-in, activity
 * until 09:40, both leadership groups paged 2 min in, password and MFA re-set in CloudTrail and the access key
 * rotated (evidence) about 2 h after the end. Offsets are from the start, rotations' from the end. A scenario
 * turns the knobs it tests in a {@code Consumer<Use>} and leaves the rest.
 */
final class Use {
    /** A share released by {@code who}; {@code share} a safe slot, Vault key, secret id or Key Vault secret. */
    record Custody(String who, Duration at, String share) {
    }

    record Approval(String who, Duration at) {
    }

    record Notify(String group, Duration at) {
    }

    /** A rotation of {@code credential}, recorded {@code how}: {@code ct}, {@code ct-key}, {@code sm}, {@code kv} or evidence. */
    record Rotation(String credential, Duration at, String how) {
    }

    Instant start = Blocks.S0;
    String login = "u2f";
    List<Duration> acts = List.of(Blocks.m(5), Blocks.m(20), Blocks.m(40));
    List<Custody> custody = List.of(new Custody("alice@example.com", Blocks.m(-10), "password-share-1"),
            new Custody("bob@example.com", Blocks.m(-8), "mfa-key"));
    List<Approval> approvals = List.of(new Approval("ciso@example.com", Blocks.m(-5)));
    List<Notify> notify = List.of(new Notify("security-leadership", Blocks.m(2)),
            new Notify("engineering-leadership", Blocks.m(2)));
    List<Rotation> rotations = List.of(new Rotation("password", Blocks.h(2), "ct"),
            new Rotation("mfa", Blocks.h(2).plus(Blocks.m(5)), "ct"),
            new Rotation("access-key", Blocks.h(2).plus(Blocks.m(10)), "evidence"));
    String incident = Blocks.INC;
    String user = Aws.BG;
    String account = Scenario.AWS_ACCOUNT;
    /** Where custody, approval and notification are recorded: {@code evidence} or a native system. */
    String custodyVia = "evidence";
    String approveVia = "evidence";
    String notifyVia = "evidence";

    /** The default use with {@code knobs} turned. */
    static Use with(Consumer<Use> knobs) {
        Use use = new Use();
        knobs.accept(use);
        return use;
    }

    static Custody custody(String who, Duration at, String share) {
        return new Custody(who, at, share);
    }

    static Approval approval(String who, Duration at) {
        return new Approval(who, at);
    }

    static Notify page(String group, Duration at) {
        return new Notify(group, at);
    }

    static Rotation rotation(String credential, Duration at, String how) {
        return new Rotation(credential, at, how);
    }
}
