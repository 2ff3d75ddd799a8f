package io.sealwatch.engine.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only CloudTrail files whose delivery day can hold events of [from − lookback, to) need reading. */
class CloudTrailDaysTest {
    private static final Instant SINCE = Instant.parse("2026-09-17T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-10-01T00:00:00Z");
    private static final String FOLDER = "logs/AWSLogs/111122223333/CloudTrail/us-east-1/";

    private static boolean reads(String source, String path) {
        return FileLister.mayHold(new FileTask(source, "file:/x/" + path, path), SINCE, UNTIL);
    }

    @Test
    void aDayOfDeliveryLagOnEachSideIsKept() {
        assertTrue(reads("aws-cloudtrail", FOLDER + "2026/09/16/111122223333_CloudTrail_us-east-1_20260916T2355Z_a.json.gz"));
        assertTrue(reads("aws-cloudtrail", FOLDER + "2026/09/20/f.json.gz"));
        assertTrue(reads("aws-cloudtrail", FOLDER + "2026/10/02/f.json.gz"));
    }

    @Test
    void daysThatCannotHoldTheStretchAreSkipped() {
        assertFalse(reads("aws-cloudtrail", FOLDER + "2026/09/15/f.json.gz"));
        assertFalse(reads("aws-cloudtrail", FOLDER + "2026/10/03/f.json.gz"));
        assertFalse(reads("aws-cloudtrail", FOLDER + "2025/09/20/f.json.gz"));
    }

    @Test
    void otherLayoutsAndSourcesAreAlwaysRead() {
        assertTrue(reads("aws-cloudtrail", "logs/cloudtrail/cloudtrail-events.json"));
        assertTrue(reads("aws-cloudtrail", FOLDER + "2026/13/45/f.json.gz"), "digits that are no date");
        assertTrue(reads("okta-system-log", "logs/okta/2025/01/01/system-log.json"));
    }
}
