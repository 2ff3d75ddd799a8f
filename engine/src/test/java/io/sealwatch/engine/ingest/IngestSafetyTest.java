package io.sealwatch.engine.ingest;

import io.sealwatch.engine.spark.SessionSource;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and odd input through one Spark ingest: a record larger than the cap inside a gzip
 * document and on a line, duplicated keys at any depth, enormous numbers, lines that open with a NUL
 * or other control bytes, identities written with JSON escapes or padded with white space or NUL, a
 * source whose glob matches nothing and a symbolic link loop under {@code **}. Every file balances,
 * the odd records are quarantined with a reason, and the listing's problems make the run incomplete.
 */
class IngestSafetyTest {
    private static final String T = "2026-07-01T10:00:00Z";
    static final String ARN = "arn:aws:iam::111122223333:user/breakglass";
    private static final String BG_MAIL = "breakglass@example.com";
    private static final int GIANT = 40 << 20;

    static Path work;
    static IngestResult result;
    static List<NormalizedEvent> events;

    static String trail(String id, String arn, String extra) {
        return "{\"eventTime\":\"" + T + "\",\"eventID\":\"" + id + "\",\"eventName\":\"ConsoleLogin\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + arn + "\",\"userName\":\"x\"},"
                + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"recipientAccountId\":\"111122223333\"" + extra + "}";
    }

    static String okta(String id, String who) {
        return "{\"uuid\":\"" + id + "\",\"published\":\"" + T + "\",\"eventType\":\"user.session.start\","
                + "\"actor\":{\"alternateId\":\"" + who + "\",\"type\":\"User\"},\"outcome\":{\"result\":\"SUCCESS\"}}";
    }

    static List<AccountSpec> accounts() {
        return List.of(account("bg", List.of(new IdentityMatch("aws-cloudtrail", ARN),
                new IdentityMatch("okta-system-log", BG_MAIL)), List.of(), List.of("password")));
    }

    @BeforeAll
    static void ingest(@TempDir Path dir) throws IOException {
        work = dir;
        Path ct = Files.createDirectories(dir.resolve("logs/ct/nested")).getParent();
        Path ok = Files.createDirectories(dir.resolve("logs/okta"));

        // a gzip delivery file whose second record alone is 40 MB
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(ct.resolve("giant.json.gz")), 1 << 16)) {
            out.write(("{\"Records\":[" + trail("g-1", ARN, "") + ",").getBytes(StandardCharsets.UTF_8));
            out.write(trail("g-2", ARN, ",\"blob\":\"").getBytes(StandardCharsets.UTF_8), 0,
                    trail("g-2", ARN, ",\"blob\":\"").length() - 1);
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < GIANT >> 20; i++) {
                out.write(chunk);
            }
            out.write(("\"}," + trail("g-3", "arn:aws:iam::111122223333:user/someone", "") + "]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // the same as lines, the giant one without a line break before the end of the file
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        lines.writeBytes((trail("l-1", ARN, "") + "\n" + trail("l-2", "arn:aws:iam::1:user/other", "") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        lines.writeBytes(("{\"eventTime\":\"" + T + "\",\"x\":\"").getBytes(StandardCharsets.UTF_8));
        lines.writeBytes("B".repeat(GIANT).getBytes(StandardCharsets.US_ASCII));
        Files.write(ct.resolve("nested/giant-line.jsonl"), lines.toByteArray());

        Files.writeString(ct.resolve("odd.jsonl"), String.join("\n",
                trail("d-1", ARN, ",\"eventName\":\"DeleteTrail\""),                                     // 1 duplicate key, relevant
                trail("d-2", "arn:aws:iam::1:user/other", ",\"eventTime\":\"2026-07-01T11:00:00Z\""),    // 2 duplicate key, irrelevant
                trail("d-3", ARN, ",\"requestParameters\":{\"a\":{\"k\":1,\"k\":2}}"),                    // 3 duplicate key, depth 3
                trail("n-1", "arn:aws:iam::1:user/other", ",\"n\":" + "9".repeat(5000)),                 // 4 5000 digits
                trail("n-2", ARN, ",\"n\":" + "1".repeat(900) + ",\"f\":1e999999999,\"z\":-0.0e-99999"), // 5 long but legal
                trail("n-3", ARN, ",\"n\":0." + "5".repeat(5000)),                                       // 6 5000 digits, relevant
                "\0" + trail("z-1", ARN, ""),                                                            // 7 starts with NUL
                "\1\f",                                                                                   // 8 control bytes
                " \t\r",                                                                                 // blank
                trail("e-1", "arn:aws:iam::111122223333:user\\/breakglass", "")));                       // 9 escaped slash
        Files.writeString(ok.resolve("okta.jsonl"), String.join("\n",
                okta("o-1", "breakglass\\u0040example.com"),                                            // escaped @
                okta("o-2", "\\u0062reakglass@example.COM"),                                            // escaped b, case
                okta("o-3", BG_MAIL + " "),                                                             // trailing space
                okta("o-4", BG_MAIL + "\\u0000"),                                                       // trailing NUL
                okta("o-5", "someone@example.com"),
                okta("o-6", "someone\\/else@example.com")));                                            // escaped, not ours
        Files.createSymbolicLink(ct.resolve("nested/loop"), ct);

        List<SourceSpec> sources = List.of(new SourceSpec("aws-cloudtrail", "logs/ct/**/*", 1),
                new SourceSpec("okta-system-log", "logs/okta/*.jsonl", 1),
                new SourceSpec("evidence", "logs/evidence/*.csv", 2));
        result = Ingest.run(IngestTestSupport.spark(), config(dir, sources, accounts()), IngestTestSupport.PERIOD);
        events = IngestTestSupport.events(result);
    }

    private static InputFileStats stats(String name) {
        return result.inputs().stream().filter(s -> s.path().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + name + " in " + result.inputs()));
    }

    private static List<String> reasons(String source, String file) {
        return result.quarantine().stream().filter(q -> q.source().equals(source) && q.file().endsWith(file))
                .sorted(QuarantineEntry.ORDER).map(q -> q.record() + ": " + q.reason()).toList();
    }

    private static List<String> ids(String file) {
        return events.stream().filter(e -> e.sourceFile().endsWith(file)).map(NormalizedEvent::eventId).sorted().toList();
    }

    @Test
    void everyFileBalancesAndTheLinkLoopDoesNotStopTheListing() {
        IngestTestSupport.assertBalanced(result);
        assertEquals(List.of("giant-line.jsonl", "giant.json.gz", "odd.jsonl", "okta.jsonl"),
                result.inputs().stream().map(s -> Path.of(s.path()).getFileName().toString()).sorted().toList(),
                "each file once, none through the loop");
    }

    @Test
    void aRecordLargerThanTheCapIsQuarantinedAndTheFileReadOn() throws IOException {
        InputFileStats doc = stats("giant.json.gz");
        assertEquals(List.of(3L, 1L, 1L, 1L), List.of(doc.read(), doc.normalised(), doc.notRelevant(), doc.quarantined()),
                doc.toString());
        assertNull(doc.error());
        assertEquals(List.of("2: record 2 is longer than 16 MiB, the most one record may hold; not parsed"),
                reasons("aws-cloudtrail", "giant.json.gz"));
        InputFileStats line = stats("giant-line.jsonl");
        assertEquals(List.of(3L, 1L, 1L, 1L), List.of(line.read(), line.normalised(), line.notRelevant(), line.quarantined()),
                line.toString());
        assertEquals(List.of("3: line 3 is longer than 16 MiB, the most one record may hold; not parsed"),
                reasons("aws-cloudtrail", "giant-line.jsonl"));
        assertEquals(List.of("g-1"), ids("giant.json.gz"));
    }

    @Test
    void duplicatedKeysNumbersAndControlBytesAreEachOneQuarantinedRecord() throws IOException {
        InputFileStats odd = stats("odd.jsonl");
        assertEquals(9, odd.read(), "every non-blank line: " + odd);
        List<String> reasons = reasons("aws-cloudtrail", "odd.jsonl");
        assertEquals("1: duplicate key 'eventName'", reasons.get(0));
        assertEquals("2: duplicate key 'eventTime'", reasons.get(1));
        assertEquals("3: duplicate key 'k'", reasons.get(2));
        assertTrue(reasons.get(3).startsWith("4: invalid JSON: Number value length (5000) exceeds"), reasons.get(3));
        assertTrue(reasons.get(4).startsWith("6: invalid JSON: Number value length"), reasons.get(4));
        assertEquals("7: invalid JSON: NUL byte at byte 1 of the record", reasons.get(5));
        assertTrue(reasons.get(6).startsWith("8: invalid JSON"), reasons.get(6));
        assertEquals(7, reasons.size(), reasons.toString());
        assertEquals(List.of("e-1", "n-2"), ids("odd.jsonl"), "long legal numbers and an escaped slash are fine");
    }

    @Test
    void escapedIdentitiesMatchAndPaddedOnesAreQuarantinedNotDropped() throws IOException {
        assertEquals(List.of("o-1", "o-2"), ids("okta.jsonl"));
        InputFileStats okta = stats("okta.jsonl");
        assertEquals(List.of(6L, 2L, 2L, 2L), List.of(okta.read(), okta.normalised(), okta.notRelevant(), okta.quarantined()));
        assertEquals(List.of(
                "3: identity-like value 'breakglass@example.com ' differs from the configured identity only by whitespace/NUL",
                "4: identity-like value 'breakglass@example.com\\u0000' differs from the configured identity only by"
                        + " whitespace/NUL"), reasons("okta-system-log", "okta.jsonl"));
    }

    @Test
    void aSourceWithoutFilesAndALinkLoopMakeTheRunIncomplete() {
        assertEquals(List.of("source aws-cloudtrail (logs/ct/**/*): symbolic link loop at logs/ct/nested/loop, not followed",
                "source evidence (logs/evidence/*.csv): no file matches"), result.sources());
        assertTrue(result.problems().containsAll(result.sources()));
        assertTrue(result.unreadable().isEmpty(), "the files themselves were read");
    }

    /** {@code run --state}: the listing is redone every night, so an empty source is a problem every night. */
    @Test
    void everyNightWithStateReportsTheSourceWithoutFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs/ct"));
        Files.writeString(dir.resolve("logs/ct/a.jsonl"), trail("s-1", ARN, "") + "\n");
        SealwatchConfig config = config(dir, List.of(new SourceSpec("aws-cloudtrail", "logs/ct/*.jsonl", 1),
                new SourceSpec("evidence", "logs/evidence/*.csv", 2)), accounts());
        Path state = dir.resolve("state");
        for (int night = 1; night <= 2; night++) {
            IngestResult r = Ingest.run(SessionSource.of(IngestTestSupport.spark()), false, config,
                    IngestTestSupport.PERIOD, state);
            assertEquals(night == 1 ? 0 : 1, r.reused(), "night " + night);
            assertEquals(List.of("source evidence (logs/evidence/*.csv): no file matches"), r.problems(), "night " + night);
        }
    }
}
