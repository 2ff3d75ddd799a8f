package io.sealwatch.reports.pdf;

import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.RotationStatus;
import io.sealwatch.reports.pdf.Line.Tone;

/** The Rotation status chapter: every credential to rotate and how it stands at the period end. */
final class RotationsSection extends Section {
    RotationsSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Rotation status", true));
        add(Line.note("As of " + d.at(asOf) + ": done = rotated by the deadline; late = rotated after it; pending = "
                + "deadline not reached; missing = deadline passed without rotation."));
        if (r.facts().rotations().isEmpty()) {
            add(Line.p("None: no credential had to be rotated."));
            return;
        }
        add(Line.th("rot", "Status", "Episode", "Credential", "Deadline", "Rotated at", "Evidence"));
        r.facts().rotations().stream().sorted(CredentialRotation.ORDER).forEach(c -> {
            RotationStatus status = c.status(asOf);
            add(Line.td("rot", rotationTone(status), status.wire(), c.episode(), c.credential(), d.at(c.deadline()),
                    c.rotatedAt() == null ? NEVER : d.at(c.rotatedAt()), Display.ref(c.evidence())));
        });
    }

    private static Tone rotationTone(RotationStatus status) {
        return switch (status) {
            case MISSING -> Tone.BAD;
            case LATE -> Tone.WARN;
            case DONE -> Tone.GOOD;
            case PENDING -> Tone.MUTED;
        };
    }
}
