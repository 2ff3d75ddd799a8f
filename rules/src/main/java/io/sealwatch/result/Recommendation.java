package io.sealwatch.result;

import java.util.List;
import java.util.Locale;

/**
 * What the annual review advises for one account, and why (docs/annual-review.md).
 *
 * @param routineUse true when the account was used so often that the primary access path looks broken
 * @param reasons    the observations that led to the advice, most decisive first, as sentences
 */
public record Recommendation(Advice advice, boolean routineUse, List<String> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }

    /** The three outcomes of a review of need. */
    public enum Advice {
        RETAIN("retain"), REDUCE_SCOPE("reduce scope"), RETIRE("retire (candidate)");

        private final String label;

        Advice(String label) {
            this.label = label;
        }

        /** Human label, e.g. {@code reduce scope}. */
        public String label() {
            return label;
        }

        /** Machine name, e.g. {@code reduce-scope}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One line for tables and summaries, e.g. {@code retain — routine use: fix the primary access path}. */
    public String headline() {
        return routineUse ? advice.label() + " — routine use: fix the primary access path" : advice.label();
    }
}
