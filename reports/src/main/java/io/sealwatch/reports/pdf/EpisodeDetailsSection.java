package io.sealwatch.reports.pdf;

import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Notification;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.RotationStatus;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;
import io.sealwatch.result.NotificationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Episode details chapter: each episode's timeline and findings, for the first {@link ReportContent#DETAIL_LIMIT}.
 */
final class EpisodeDetailsSection extends Section {
    EpisodeDetailsSection(ReportRun run, Lines out) {
        super(run, out);
    }

    private record Event(Instant time, String what, String who, String detail, Tone tone) {
    }

    @Override
    void write() {
        if (episodes.isEmpty()) {
            return;
        }
        add(Line.h1("Episode details", true));
        add(Line.note("Each episode's timeline runs from the first credential share released to the last rotation; "
                + "T+ is the time from the episode's first activity. Red: a missing or failed control; orange: late."));
        if (episodes.size() > ReportContent.DETAIL_LIMIT) {
            add(Line.note("Details are given for the first " + ReportContent.DETAIL_LIMIT + " of " + episodes.size()
                    + " episodes (by start); every episode is in the Episodes table above and in evidence.xlsx."));
        }
        Map<String, List<Approval>> approvals = byEpisode(r.facts().approvals(), Approval::episode);
        Map<String, List<Custody>> custody = byEpisode(r.facts().custody(), Custody::episode);
        Map<String, List<Notification>> notes = byEpisode(r.facts().notifications(), Notification::episode);
        Map<String, List<CredentialRotation>> rotations = byEpisode(r.facts().rotations(), CredentialRotation::episode);
        Map<String, List<PersistentAccess>> access = byEpisode(r.facts().persistentAccess(), PersistentAccess::episode);
        Map<String, List<Authentication>> auths = byEpisode(r.facts().authentications(), Authentication::episode);
        for (Episode e : episodes.subList(0, Math.min(ReportContent.DETAIL_LIMIT, episodes.size()))) {
            add(Line.h2("Episode " + e.id()));
            add(Line.kv("Account · classification", e.account() + " · " + e.classification().wire()));
            add(Line.kv("Start · end", d.at(e.start()) + "  to  " + d.at(e.end()) + "  (" + Fmt.duration(e.durationSeconds()) + ")"));
            add(Line.kv("Incident", e.incident() == null ? "none referenced" : e.incident()));
            add(Line.kv("Actors", Fmt.join(e.actors())));
            add(Line.kv("Approved by", e.approvals().isEmpty() ? "none" : Fmt.join(e.approvals())));
            add(Line.kv("Custodians", e.custodians().isEmpty() ? "none" : Fmt.join(e.custodians())));
            add(Line.kv("Sources · actions", Fmt.join(e.sources()) + " · " + e.actions() + " action(s)"));
            List<Event> timeline = new ArrayList<>();
            for (Custody c : forEpisode(custody, e)) {
                timeline.add(new Event(c.time(), "credential share released", c.custodian(), "share " + Fmt.nz(c.share())
                        + "\n" + Display.ref(c.evidence()), Tone.NONE));
            }
            for (Approval a : forEpisode(approvals, e)) {
                timeline.add(new Event(a.time(), a.late() ? "approval (LATE)" : "approval", a.approver(),
                        "incident " + (a.incident() == null ? "none" : a.incident()) + "\n" + Display.ref(a.evidence()),
                        a.late() ? Tone.WARN : Tone.GOOD));
            }
            if (forEpisode(approvals, e).isEmpty()) {
                timeline.add(new Event(e.start(), "NO APPROVAL found", "", "", Tone.BAD));
            }
            timeline.add(new Event(e.start(), "first activity", Fmt.join(e.actors()), Display.ref(e.first()), Tone.NONE));
            timeline.add(new Event(e.end(), "last activity", "", Display.ref(e.last()), Tone.NONE));
            for (Authentication a : forEpisode(auths, e)) {
                timeline.add(new Event(a.time(), a.success() ? "sign-in" : "failed sign-in", a.actor(),
                        "MFA " + Fmt.nz(a.mfa()) + (a.federated() ? " · federated SSO" : "") + "\n" + Display.ref(a.evidence()),
                        a.success() ? Tone.NONE : Tone.WARN));
            }
            for (Notification n : forEpisode(notes, e)) {
                boolean late = n.latencySeconds() > policy.notifyWithin().toSeconds();
                timeline.add(new Event(n.time(), "notified" + (late ? " (LATE)" : ""), n.recipient(),
                        "after " + Fmt.duration(n.latencySeconds()) + "\n" + Display.ref(n.evidence()),
                        late ? Tone.WARN : Tone.GOOD));
            }
            r.views().notifications(e).stream().filter(NotificationStatus::missing).forEach(n -> timeline.add(
                    new Event(n.due(), "NEVER NOTIFIED (was due)", n.group(), "no notification of this group was found",
                            Tone.BAD)));
            for (CredentialRotation c : forEpisode(rotations, e)) {
                RotationStatus status = c.status(asOf);
                timeline.add(c.rotatedAt() != null
                        ? new Event(c.rotatedAt(), "rotated " + c.credential() + " (" + status.wire() + ")", "",
                        Display.ref(c.evidence()), status == RotationStatus.LATE ? Tone.WARN : Tone.GOOD)
                        : new Event(c.deadline(), "rotation of " + c.credential() + " due: "
                        + (status == RotationStatus.MISSING ? "NEVER ROTATED" : "pending"), "", "",
                        status == RotationStatus.MISSING ? Tone.BAD : Tone.MUTED));
            }
            for (PersistentAccess p : forEpisode(access, e)) {
                timeline.add(new Event(p.created(), "created " + p.kind(), Fmt.nz(p.object()), Display.ref(p.evidence()),
                        p.removed() == null ? Tone.BAD : Tone.WARN));
                if (p.removed() != null) {
                    timeline.add(new Event(p.removed(), "removed " + p.kind(), Fmt.nz(p.object()), "", Tone.GOOD));
                }
            }
            timeline.sort(Comparator.comparing(Event::time).thenComparing(Event::what).thenComparing(Event::who));
            add(Line.th("tl", "T+", "Time (" + d.label() + ")", "Event", "Who", "Detail · evidence"));
            timeline.forEach(t -> add(Line.td("tl", t.tone(), Display.offset(e.start(), t.time()), d.at(t.time()),
                    t.what(), t.who(), t.detail())));
            List<Finding> fs = findingsByEpisode.getOrDefault(e.id(), List.of());
            if (fs.isEmpty()) {
                add(Line.note("Findings: none for this episode."));
            } else {
                add(Line.th("ef", "Severity", "Rule", "Message · evidence"));
                fs.forEach(f -> add(Line.td("ef", f.accepted() ? Tone.MUTED : tone(f.severity()),
                        f.severity().wire() + (f.accepted() ? "\naccepted" : ""), f.rule(), describe(f))));
            }
        }
    }

    private static <T> List<T> forEpisode(Map<String, List<T>> map, Episode e) {
        return map.getOrDefault(e.id(), List.of());
    }
}
