package io.sealwatch.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;

/** The policy section with its defaults (CONTRACT §3). */
public record Policy(Duration episodeGap, Duration approvalWindow, Duration approvalGrace, Duration custodyWindow,
                     Duration notifyWithin, List<String> notifyRecipients, Duration rotateWithin,
                     List<String> strongMfa, boolean requireIncident, Duration logGap, Period drillEvery,
                     Period reviewEvery) {

    public static Policy defaults() {
        return new Policy(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(15), Duration.ofHours(4),
                Duration.ofMinutes(15), List.of("security-leadership", "engineering-leadership"),
                Duration.ofHours(24), List.of("webauthn", "u2f", "fido2", "hardware-otp"), true,
                Duration.ofHours(24), Period.ofMonths(3), Period.ofYears(1));
    }
}
