package io.sealwatch.cli;

import io.sealwatch.cli.base.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.files.FileTrees;
import io.sealwatch.rules.RuleEngine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The foundation's acceptance, through the real command: demo, verify, tamper, openssl, pdfsig, veraPDF, poppler. */
class DemoEndToEndTest {
    @TempDir
    static Path tmp;
    static Path bundle;
    static int exit;

    @BeforeAll
    static void demo() {
        bundle = tmp.resolve("demo");
        exit = Main.execute("demo", "--out", bundle.toString());
    }

    @Test
    void demoEndsWithThePlantedCriticalFindingsAndAFullBundle() throws IOException {
        assertEquals(ExitCode.FINDINGS.code(), exit);
        for (String f : List.of("findings.json", "episodes.json", "run.json", "evidence.xlsx", "report.pdf",
                "manifest.json", "manifest.json.p7s", "findings.ocsf.jsonl")) {
            assertTrue(Files.isRegularFile(bundle.resolve(f)), f);
        }
        assertTrue(Files.isDirectory(bundle.resolve("tables/events")));
        JsonNode findings = new ObjectMapper().readTree(bundle.resolve("findings.json").toFile());
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asText() + " " + f.get("episode").asText()));
        assertTrue(rules.contains("BG-APPROVAL-MISSING aws-root-breakglass/2026-08-14T03:12:09Z"), rules.toString());
        assertTrue(rules.contains("BG-TTL-EXCEEDED aws-root-breakglass/2026-09-02T22:00:00Z"), rules.toString());
        assertTrue(rules.contains("BG-ROTATION-INCOMPLETE aws-root-breakglass/2026-09-02T22:00:00Z"),
                rules.toString());
        assertTrue(rules.stream().noneMatch(r -> r.endsWith("2026-07-14T03:12:09Z")),
                "the compliant episode has no finding: " + rules);
        // its quorum: alice's share read from AWS Secrets Manager (CloudTrail), bob's released from the safe
        JsonNode compliant = null;
        for (JsonNode e : new ObjectMapper().readTree(bundle.resolve("episodes.json").toFile())) {
            compliant = "aws-root-breakglass/2026-07-14T03:12:09Z".equals(e.get("id").asText()) ? e : compliant;
        }
        assertEquals("[\"alice@example.com\",\"bob@example.com\"]", String.valueOf(compliant.get("custodians")));
        // its pages: both leadership groups notified through PagerDuty log entries (no notification row in the CSV)
        assertEquals("{\"engineering-leadership\":123,\"security-leadership\":121}",
                String.valueOf(compliant.get("notifications")));
        JsonNode run = new ObjectMapper().readTree(bundle.resolve("run.json").toFile());
        JsonNode pages = null;
        for (JsonNode in : run.get("inputs")) {
            pages = in.get("path").asText().endsWith("log-entries-2026-07.json") ? in : pages;
        }
        assertEquals("pagerduty 10 2 8", pages.get("source").asText() + " " + pages.get("read") + " "
                + pages.get("normalised") + " " + pages.get("notRelevant"), "two notify entries of the use: " + pages);
        for (JsonNode in : run.get("inputs")) {
            assertEquals(in.get("read").asLong(), in.get("normalised").asLong() + in.get("notRelevant").asLong()
                    + in.get("quarantined").asLong() + in.get("duplicates").asLong(), in.toString());
            assertTrue(!in.get("path").asText().startsWith("/"), "paths are relative to the config: " + in);
        }
    }

    @Test
    void theDemoShowsEveryRuleOfThePackAtLeastOnce() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(bundle.resolve("findings.json").toFile());
        Set<String> fired = new TreeSet<>();
        findings.forEach(f -> fired.add(f.get("rule").asText()));
        Set<String> pack = new TreeSet<>();
        RuleEngine.load(List.of()).rules().forEach(r -> pack.add(r.id()));
        assertEquals(21, pack.size(), pack.toString());
        Set<String> missing = new TreeSet<>(pack);
        missing.removeAll(fired);
        assertTrue(missing.isEmpty(), "rules the demo never shows: " + missing);
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asText() + " " + f.get("episode").asText()));
        // rules that need the other source types: they must come from the planted episodes, not by accident
        for (String expected : List.of("BG-MFA-WEAK okta-breakglass/2026-07-22T01:47:13Z",
                "BG-STANDING-ACCESS okta-breakglass/2026-07-22T01:47:13Z",
                "BG-SSO-DEPENDENT entra-breakglass/2026-07-28T06:20:44Z",
                "BG-SELF-APPROVAL entra-breakglass/2026-08-20T15:02:18Z",
                "BG-QUORUM-NOT-MET okta-breakglass/2026-09-10T22:40:05Z",
                "BG-CUSTODIAN-UNKNOWN gcp-breakglass/2026-09-24T19:10:22Z")) {
            assertTrue(rules.contains(expected), expected + " in " + rules);
        }
        // between uses: an administrator's unapproved changes, shares read with no use; the approved change of
        // the BreakGlass role's trust (CHG-3101) is no finding
        assertEquals(List.of("BG-ACCOUNT-CHANGED 2026-09-15T11:20:04Z", "BG-ACCOUNT-CHANGED 2026-09-15T11:21:37Z",
                "BG-SEAL-BROKEN 2026-09-18T08:06:12.886279Z"), betweenUses(findings));
        assertTrue(rules.stream().noneMatch(r -> r.endsWith("okta-breakglass/2026-08-27T13:05:40Z")),
                "the compliant drill has no finding: " + rules);
        JsonNode episodes = new ObjectMapper().readTree(bundle.resolve("episodes.json").toFile());
        Set<String> classifications = new TreeSet<>();
        episodes.forEach(e -> classifications.add(e.get("classification").asText()));
        assertEquals(Set.of("drill", "emergency", "unexplained"), classifications);
    }

    /** The findings between uses reach the auditors with their evidence: in the signed PDF and the workbook. */
    @Test
    void reportAndWorkbookShowTheChangesBetweenUsesWithTheirEvidence() throws IOException {
        try (PDDocument doc = Loader.loadPDF(bundle.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("CreateAccessKeybyarn:aws:iam::111122223333:user/dana.opschangedaws-root-breakglass"),
                    "BG-ACCOUNT-CHANGED in the PDF");
            assertTrue(text.contains("20260915T2355Z_383e69a481f46d.json.gz#8(8e3bc204"),
                    "the MFA device removal is cited");
            assertTrue(text.contains("Sharesofokta-breakglasswerereleasedbyalice@example.com,bob@example.com"),
                    "BG-SEAL-BROKEN in the PDF");
            assertTrue(text.contains("Evidence:vault-auditaudit.log#136"), "the first release is cited");
        }
        try (InputStream in = Files.newInputStream(bundle.resolve("evidence.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("Findings")) {
                StringBuilder sb = new StringBuilder();
                row.forEach(c -> sb.append(c.toString()).append('|'));
                rows.add(sb.toString());
            }
            assertTrue(rows.stream().anyMatch(r -> r.contains("BG-SEAL-BROKEN") && r.contains("audit.log")
                    && r.contains("okta-breakglass")), "BG-SEAL-BROKEN with its evidence in the workbook");
            assertEquals(2, rows.stream().filter(r -> r.contains("BG-ACCOUNT-CHANGED")
                    && r.contains("20260915T2355Z")).count(), "both changes with their CloudTrail records");
            List<String> events = new ArrayList<>();
            wb.getSheet("Events").forEach(row -> {
                StringBuilder sb = new StringBuilder();
                row.forEach(c -> sb.append(c.toString()).append('|'));
                events.add(sb.toString());
            });
            assertTrue(events.stream().anyMatch(r -> r.contains("UpdateAssumeRolePolicy")),
                    "the approved change of the role is listed among the events");
            assertTrue(events.stream().anyMatch(r -> r.contains("CHG-3101")), "with its change record");
        }
    }

    private static List<String> betweenUses(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> {
            String rule = f.get("rule").asText();
            if ((rule.equals("BG-ACCOUNT-CHANGED") || rule.equals("BG-SEAL-BROKEN")) && f.get("episode").isNull()) {
                out.add(rule + " " + f.get("at").asText());
            }
        });
        return out;
    }

    /** The bundle's tables/ holds events, episodes and findings as Parquet, matching the JSON files. */
    @Test
    void tablesHoldTheEpisodesAndFindingsOfTheJson() throws IOException {
        SparkSession spark = Sparks.session(null, null);
        JsonNode episodes = new ObjectMapper().readTree(bundle.resolve("episodes.json").toFile());
        List<Row> episodeRows = spark.read().parquet(bundle.resolve("tables/episodes").toUri().toString())
                .collectAsList();
        assertEquals(episodes.size(), episodeRows.size());
        for (int i = 0; i < episodes.size(); i++) {
            assertEquals(episodes.get(i).get("id").asText(), episodeRows.get(i).getAs("id"));
            assertEquals(episodes.get(i).get("actions").asLong(), (long) episodeRows.get(i).getAs("actions"));
        }
        JsonNode findings = new ObjectMapper().readTree(bundle.resolve("findings.json").toFile());
        List<Row> findingRows = spark.read().parquet(bundle.resolve("tables/findings").toUri().toString())
                .collectAsList();
        assertEquals(findings.size(), findingRows.size());
        for (int i = 0; i < findings.size(); i++) {
            assertEquals(findings.get(i).get("rule").asText(), findingRows.get(i).getAs("rule"));
            assertEquals(findings.get(i).get("evidence").size(), findingRows.get(i).getList(
                    findingRows.get(i).fieldIndex("evidence")).size());
        }
        assertTrue(spark.read().parquet(bundle.resolve("tables/events").toUri().toString()).count() > 0);
    }

    @Test
    void verifyAcceptsTheBundleAndNamesAFlippedByte() throws IOException {
        assertEquals(0, Main.execute("verify", bundle.toString()));
        Path copy = tmp.resolve("tampered");
        FileTrees.copy(bundle, copy);
        byte[] bytes = Files.readAllBytes(copy.resolve("findings.json"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(copy.resolve("findings.json"), bytes);
        assertEquals(ExitCode.VERIFY_FAILED.code(), Main.execute("verify", copy.toString()));
    }

    @Test
    void opensslAcceptsTheManifestSignature() throws Exception {
        assumeTrue(onPath("openssl"), "openssl not installed");
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                bundle.resolve("manifest.json.p7s").toString(), "-content", bundle.resolve("manifest.json").toString(),
                "-noverify", "-out", "/dev/null").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void pdfsigShowsTheSignature() throws Exception {
        assumeTrue(onPath("pdfsig"), "pdfsig (poppler-utils) not installed");
        Process p = new ProcessBuilder("pdfsig", bundle.resolve("report.pdf").toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        assertTrue(out.contains("Signature #1"), out);
    }

    /** report.pdf is PDF/A-3b once signed; poppler sees every font embedded, the attached JSON and the tags. */
    @Test
    void theSignedReportIsAnArchivalPdf() throws Exception {
        Path pdf = bundle.resolve("report.pdf");
        PdfA.assertConforms(pdf);
        assumeTrue(onPath("pdffonts") && onPath("pdfdetach") && onPath("pdfinfo"), "poppler-utils not installed");
        List<String> fonts = poppler("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertTrue(fonts.size() >= 2, "regular and bold at least: " + fonts);
        for (String font : fonts) {
            assertTrue(font.matches("\\S+DejaVu\\S* +CID TrueType +Identity-H +yes yes yes .*"),
                    "embedded DejaVu subset with a Unicode map: " + font);
        }
        String list = poppler("pdfdetach", "-list", pdf.toString());
        assertTrue(list.contains("2 embedded files") && list.contains("episodes.json") && list.contains("findings.json"),
                list);
        String guide = Files.readString(DocsExamplesTest.ROOT.resolve("docs/auditors-guide.md"));
        assertTrue(guide.contains("$ pdfdetach -list report.pdf\n" + list), "the auditor's guide shows the real output");
        for (String font : fonts) {
            assertTrue(guide.contains(font.substring(0, font.indexOf(' '))), "the guide names " + font);
        }
        Path saved = Files.createDirectories(tmp.resolve("detached"));
        poppler("pdfdetach", "-saveall", "-o", saved.toString(), pdf.toString());
        for (String json : List.of("findings.json", "episodes.json")) {
            assertArrayEquals(Files.readAllBytes(bundle.resolve(json)), Files.readAllBytes(saved.resolve(json)),
                    json + " attached to the PDF is the bundle's");
        }
        String info = poppler("pdfinfo", "-isodates", pdf.toString());
        assertTrue(info.contains("Tagged:          yes"), info);
        assertTrue(info.contains("CreationDate:    2026-10-01T00:00:00Z"), "dated by the period end: " + info);
    }

    private static String poppler(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void aSecondRunGivesByteIdenticalMachineOutputs() throws IOException {
        Path again = tmp.resolve("again");
        assertEquals(ExitCode.FINDINGS.code(), Main.execute("demo", "--out", again.toString()));
        for (String f : List.of("findings.json", "episodes.json", "evidence.xlsx")) {
            assertArrayEquals(Files.readAllBytes(bundle.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

}
