package io.sealwatch.result;

import io.sealwatch.model.Period;

import java.util.List;

/**
 * The facts about a run that every output carries.
 *
 * @param complete false when an input could not be read (exit 3); {@code problems} say why
 * @param signed   false for {@code --no-sign} runs
 */
public record RunInfo(String organization, String timezone, Period period, String engineVersion,
                      String configSha256, String rulePackSha256, boolean complete, List<String> problems,
                      boolean signed) {
}
