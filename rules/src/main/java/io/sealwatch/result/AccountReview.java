package io.sealwatch.result;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.ProgramEvent;

import java.util.List;

/**
 * The annual review of one break-glass account.
 *
 * @param spec        the account as configured: privileges, custodians, quorum, max-session, credentials
 * @param uses        the account's episodes that started in the year, drills included, by start
 * @param actionsUsed the distinct native actions done in the year's non-drill uses, sorted
 * @param findings    the findings about the account in the year (waived ones included, marked), canonical order
 * @param drills      drill records in the year, by time
 * @param lastReview  the latest review record before the year's end (possibly from an earlier year), or null
 */
public record AccountReview(AccountSpec spec, List<Episode> uses, List<String> actionsUsed, List<Finding> findings,
                            List<ProgramEvent> drills, ProgramEvent lastReview, Recommendation recommendation) {

    public AccountReview {
        uses = List.copyOf(uses);
        actionsUsed = List.copyOf(actionsUsed);
        findings = List.copyOf(findings);
        drills = List.copyOf(drills);
    }

    public String account() {
        return spec.id();
    }

    public long uses(Classification c) {
        return uses.stream().filter(e -> e.classification() == c).count();
    }
}
