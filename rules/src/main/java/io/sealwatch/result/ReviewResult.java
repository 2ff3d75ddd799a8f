package io.sealwatch.result;

import java.util.List;

/**
 * The annual review of need of a run over the calendar year (its period is the year, judged as of the year's
 * end): per configured account in config order, what the year showed and the advice. It travels with that run
 * ({@link RunResult#review()}), computed once.
 */
public record ReviewResult(int year, List<AccountReview> accounts) {

    public ReviewResult {
        accounts = List.copyOf(accounts);
    }
}
