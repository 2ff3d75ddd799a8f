package io.sealwatch.review;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.Finding;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.Recommendation.Advice;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sealwatch.review.RecommenderTest.REF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-account assembly: what counts as a use, an action, a drill of the year and the last review. */
class AnnualReviewTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    static AccountSpec account(String id, String source) {
        return new AccountSpec(id, id + " account", List.of(new IdentityMatch(source, "bg-" + id)), List.of(),
                List.of("password"), List.of("alice@example.com", "bob@example.com"), 2, Duration.ofHours(4),
                List.of("Global Administrator"));
    }

    static NormalizedEvent event(String account, Instant t, EventClass c, String action, String actor, String outcome) {
        return new NormalizedEvent(t, "aws-cloudtrail", "f.json", 1, null, c, action, outcome, actor, null, null,
                account, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void buildsEveryAccountInConfigOrderFromTheYearRun() {
        AccountSpec aws = account("aws", "aws-cloudtrail");
        AccountSpec okta = account("okta", "okta-system-log");
        SealwatchConfig config = new SealwatchConfig(Path.of("/tmp/sealwatch.yaml"), "00", "Example Corp", "UTC",
                List.of(new SourceSpec("aws-cloudtrail", "x", 1)), List.of(aws, okta), List.of("ciso@example.com"),
                Policy.defaults(), null, List.of());
        Period year = new Period(FROM, TO);
        Instant start = Instant.parse("2026-05-05T10:00:00Z");
        Episode use = new Episode(Episode.idOf("aws", start), "aws", Classification.EMERGENCY, start,
                start.plusSeconds(600), 600, List.of("aws-cloudtrail"), List.of("bg-aws"), 4, List.of("ciso@example.com"),
                List.of(), "INC-1", Map.of(), Map.of("password", start.plusSeconds(3600)), REF, REF, start, null);
        Facts.Builder facts = new Facts.Builder();
        facts.episodes.add(use);
        facts.programEvents.add(new ProgramEvent("review", "aws", Instant.parse("2025-03-01T00:00:00Z"), "ciso", REF));
        facts.programEvents.add(new ProgramEvent("review", "aws", Instant.parse("2024-03-01T00:00:00Z"), "ciso", REF));
        facts.programEvents.add(new ProgramEvent("drill", "aws", Instant.parse("2025-12-01T00:00:00Z"), "alice", REF));
        facts.programEvents.add(new ProgramEvent("drill", "aws", Instant.parse("2026-06-01T00:00:00Z"), "alice", REF));
        facts.programEvents.add(new ProgramEvent("drill", "okta", Instant.parse("2026-02-01T00:00:00Z"), "bob", REF));
        facts.gaps.add(new CoverageGap("okta-system-log", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-02-04T00:00:00Z"), 3 * 86400));
        List<NormalizedEvent> events = List.of(
                event("aws", start, EventClass.AUTHENTICATION, "ConsoleLogin", "bg-aws", "success"),
                event("aws", start.plusSeconds(60), EventClass.API_ACTIVITY, "PutBucketPolicy", "bg-aws", "success"),
                event("aws", start.plusSeconds(90), EventClass.API_ACTIVITY, "DeleteTrail", "bg-aws", "failure"),
                event("aws", start.plusSeconds(120), EventClass.ACCOUNT_CHANGE, "DeleteAccessKey", "admin", "success"),
                event("aws", start.plusSeconds(900), EventClass.API_ACTIVITY, "RunInstances", "bg-aws", "success"));
        Finding standing = new Finding("BG-STANDING-ACCESS", Severity.CRITICAL, "aws", null, use.id(), start, "left a key",
                List.of(), List.of(REF), null);
        Finding gap = new Finding("BG-LOG-GAP", Severity.HIGH, null, "okta-system-log", null, FROM, "gap", List.of(), List.of(), null);
        RunInfo info = new RunInfo("Example Corp", "UTC", year, "test", "00", "11", true, List.of(), false);
        RunResult run = new RunResult(info, config, facts.build(config, year),
                new Evaluation(List.of(gap, standing), List.of(), List.of()), List.of(), events, List.of(), 0, List.of(),
                List.of(), List.of(), Map.of());

        ReviewResult review = AnnualReview.of(run);

        assertEquals(2026, review.year());
        assertEquals(List.of("aws", "okta"), review.accounts().stream().map(AccountReview::account).toList());
        AccountReview a = review.accounts().get(0);
        assertEquals(List.of(use), a.uses());
        assertEquals(1, a.uses(Classification.EMERGENCY));
        assertEquals(List.of("PutBucketPolicy"), a.actionsUsed(),
                "sign-ins, failures, other people's actions and events after the use are not privilege use");
        assertEquals(List.of(standing), a.findings(), "source findings are not the account's");
        assertEquals(List.of(Instant.parse("2026-06-01T00:00:00Z")), a.drills().stream().map(ProgramEvent::time).toList());
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), a.lastReview().time(), "the latest review, from before the year");
        assertEquals(Advice.REDUCE_SCOPE, a.recommendation().advice());

        AccountReview o = review.accounts().get(1);
        assertTrue(o.uses().isEmpty());
        assertNull(o.lastReview());
        assertEquals(Advice.RETAIN, o.recommendation().advice(), "a gap in its own source blocks retirement");
        assertTrue(o.recommendation().reasons().stream().anyMatch(r -> r.contains("okta-system-log silent")),
                o.recommendation().reasons().toString());
    }
}
