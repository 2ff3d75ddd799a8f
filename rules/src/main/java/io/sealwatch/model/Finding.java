package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One rule violation. Immutable; {@link #ORDER} is the one canonical ordering used in every output.
 *
 * @param account  the account id, or null for findings about a source (BG-LOG-GAP)
 * @param source   the source type a finding about a source is about, else null
 * @param episode  the episode id, or null
 * @param waiver   the waiver that accepted it, or null
 */
public record Finding(String rule, Severity severity, String account, String source, String episode, Instant at,
                      String message, List<String> controls, List<EvidenceRef> evidence, Waiver waiver) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::at)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.account() == null ? "" : f.account())
            .thenComparing(f -> f.episode() == null ? "" : f.episode())
            .thenComparing(Finding::message);

    public boolean accepted() {
        return waiver != null;
    }

    public Finding withWaiver(Waiver w) {
        return new Finding(rule, severity, account, source, episode, at, message, controls, evidence, w);
    }
}
