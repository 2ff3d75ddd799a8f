package io.sealwatch.result;

import io.sealwatch.model.Period;

import java.time.Instant;
import java.util.List;

/**
 * The facts about a run that every output carries.
 *
 * @param complete false when an input could not be read (exit 3); {@code problems} say why
 * @param signed   false for {@code --no-sign} runs
 */
public record RunInfo(String organization, String timezone, Period period, String engineVersion,
                      String configSha256, String rulePackSha256, boolean complete, List<String> problems,
                      boolean signed, Instant requestedTo) {

    /** A run whose period ended no later than the time of the run. */
    public RunInfo(String organization, String timezone, Period period, String engineVersion, String configSha256,
                   String rulePackSha256, boolean complete, List<String> problems, boolean signed) {
        this(organization, timezone, period, engineVersion, configSha256, rulePackSha256, complete, problems, signed,
                null);
    }

    /** True when the period asked for ended after the time of the run and was judged up to then instead. */
    public boolean clamped() {
        return requestedTo != null;
    }
}
