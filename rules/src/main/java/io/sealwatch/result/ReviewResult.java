package io.sealwatch.result;

import java.util.List;

/**
 * The annual review of need: the run over the calendar year (its period is the year, judged as of the
 * year's end) and, per configured account in config order, what the year showed and the advice.
 */
public record ReviewResult(int year, RunResult run, List<AccountReview> accounts) {

    public ReviewResult {
        accounts = List.copyOf(accounts);
    }
}
