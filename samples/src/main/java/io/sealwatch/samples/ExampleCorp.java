package io.sealwatch.samples;

import io.sealwatch.samples.internal.Resources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The bundled sample organisation: CloudTrail files as AWS delivers them and a process-evidence CSV
 * for 2026-Q3, with planted episodes (one compliant, one without approval, one too long with a
 * credential never rotated and an access key left behind).
 */
public final class ExampleCorp {
    /** The quarter the sample covers: [2026-07-01, 2026-10-01). */
    public static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");

    private ExampleCorp() {
    }

    /** Copies the sample organisation into {@code dir} and returns its {@code sealwatch.yaml}. */
    public static Path extract(Path dir) throws IOException {
        Resources.copyTree("example-corp", dir);
        return dir.resolve("sealwatch.yaml");
    }
}
