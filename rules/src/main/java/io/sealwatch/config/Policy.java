package io.sealwatch.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * The policy section with its defaults.
 *
 * @param settleAfter how long after its rotation deadline an episode's verdict stays open to late evidence
 * @param lookback    how far before the period start logs are read to rebuild episodes still open then
 */
public record Policy(Duration episodeGap, Duration approvalWindow, Duration approvalGrace, Duration custodyWindow,
                     Duration notifyWithin, List<String> notifyRecipients, Duration rotateWithin,
                     List<String> strongMfa, boolean requireIncident, Duration logGap, Period drillEvery,
                     Period reviewEvery, Duration settleAfter, Duration lookback) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(14);

    public static Policy defaults() {
        return new Policy(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(15), Duration.ofHours(4),
                Duration.ofMinutes(15), List.of("security-leadership", "engineering-leadership"),
                Duration.ofHours(24), List.of("webauthn", "u2f", "fido2", "hardware-otp"), true,
                Duration.ofHours(24), Period.ofMonths(3), Period.ofYears(1), Duration.ofDays(7), DEFAULT_LOOKBACK);
    }

    /**
     * The shortest lookback that still sees every episode open at the period start: one that ended
     * earlier has settled, and its approvals lie at most {@code approval-window} before its start.
     */
    public Duration minimumLookback() {
        return settleAfter.plus(rotateWithin).plus(approvalWindow);
    }

    public Policy withLookback(Duration value) {
        return new Policy(episodeGap, approvalWindow, approvalGrace, custodyWindow, notifyWithin, notifyRecipients,
                rotateWithin, strongMfa, requireIncident, logGap, drillEvery, reviewEvery, settleAfter, value);
    }

    /** When an episode that ended at {@code end} settles: its verdict is final, late evidence no longer counts. */
    public Instant settlesAt(Instant end) {
        return end.plus(rotateWithin).plus(settleAfter);
    }
}
