package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.files.FileTrees;
import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static io.sealwatch.cli.fault.FaultKit.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chained bundles through the real command line: July, August and September, linked by --state, by
 * --previous and by replacing the bundle in --out; verify checks every link, and names a bundle removed,
 * replaced or altered between two others.
 */
class BundleChainTest {
    @TempDir
    static Path tmp;
    static Path config;
    static Path jul;
    static Path aug;
    static Path sep;

    @BeforeAll
    static void series() throws IOException {
        config = ExampleCorp.extract(Files.createDirectories(tmp.resolve("org")));
        Path state = tmp.resolve("state");
        jul = tmp.resolve("2026-07");
        aug = tmp.resolve("2026-08");
        sep = tmp.resolve("2026-09");
        assertEquals(1, month(jul, "07", "--state", state.toString()).exit());
        assertEquals(1, month(aug, "08", "--state", state.toString()).exit());   // follows July, remembered in --state
        assertEquals(1, month(sep, "09", "--previous", aug.toString()).exit());
    }

    @Test
    void everyLinkHoldsInAnyOrderGiven() throws IOException {
        FaultKit.Cli v = verify(sep, jul, aug);
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.err().contains("CHAIN OK: 3 bundles, " + jul + " → " + aug + " → " + sep), v.err());
        assertEquals(sha(jul), previous(aug).get("manifestSha256").asText(), "August records July's manifest");
        assertEquals("2026-07-01T00:00:00Z", previous(aug).get("period").get("from").asText());
        assertTrue(FaultKit.json(jul.resolve("manifest.json")).get("previous").isNull(), "July is the first");
    }

    @Test
    void oneBundleNamesThePredecessorItExpects() throws IOException {
        FaultKit.Cli v = verify(aug);
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.err().contains("follows the bundle of period 2026-07-01T00:00:00Z to 2026-08-01T00:00:00Z, "
                + "manifest sha256 " + sha(jul)), v.err());
        assertTrue(verify(jul).err().contains("follows no earlier bundle: the first of its series"));
    }

    @Test
    void aRemovedBundleBreaksTheChain() {
        FaultKit.Cli v = verify(jul, sep);
        assertEquals(4, v.exit(), v.err());
        assertTrue(v.err().contains("CHAIN BROKEN: a bundle is missing between " + jul), v.err());
        assertTrue(v.err().contains(sep + " follows period 2026-08-01T00:00:00Z to 2026-09-01T00:00:00Z"), v.err());
    }

    @Test
    void aReplacedBundleBreaksTheChain() {
        Path other = tmp.resolve("2026-08-again");
        assertEquals(1, month(other, "08").exit());   // a fresh --out and no --state: it follows nothing
        FaultKit.Cli v = verify(jul, other, sep);
        assertEquals(4, v.exit(), v.err());
        assertTrue(v.err().contains("CHAIN BROKEN: " + other + " was replaced or altered"), v.err());
        assertTrue(v.err().contains(other + " (2026-08-01T00:00:00Z to 2026-09-01T00:00:00Z) records no predecessor"),
                v.err());
    }

    @Test
    void anAlteredManifestBreaksTheChain() throws IOException {
        Path altered = copy(aug, tmp.resolve("2026-08-altered"));
        Files.writeString(altered.resolve("manifest.json"), "\n", StandardOpenOption.APPEND);
        FaultKit.Cli v = verify(jul, altered, sep);
        assertEquals(4, v.exit(), v.err());
        assertTrue(v.err().contains("CHAIN BROKEN: " + altered + " was replaced or altered: " + sep
                + " follows manifest sha256 " + sha(aug)), v.err());
    }

    @Test
    void theBundleReplacedInOutIsThePredecessor() throws IOException {
        Path series = copy(jul, tmp.resolve("nightly"));
        assertEquals(1, month(series, "08").exit());
        assertEquals(sha(jul), previous(series).get("manifestSha256").asText());
        assertEquals(0, verify(jul, series).exit());
        // a re-run of the same period replaces it, and keeps what it followed
        String before = previous(series).toString();
        assertEquals(1, month(series, "08").exit());
        assertEquals(before, previous(series).toString());
    }

    @Test
    void previousMustBeABundle() {
        FaultKit.Cli run = month(tmp.resolve("never"), "09", "--previous", tmp.resolve("org").toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--previous " + tmp.resolve("org") + ": " + tmp.resolve("org")
                + " is not a Sealwatch bundle: it has no manifest.json"), run.err());
        assertTrue(Files.notExists(tmp.resolve("never/manifest.json")));
    }

    private static FaultKit.Cli month(Path out, String month, String... extra) {
        int m = Integer.parseInt(month);
        List<String> args = new ArrayList<>(List.of("run", "-c", config.toString(), "--from", "2026-" + month + "-01",
                "--to", String.format("2026-%02d-01", m + 1), "--out", out.toString(), "--no-sign", "--fail-on", "high"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private static FaultKit.Cli verify(Path... bundles) {
        List<String> args = new ArrayList<>(List.of("verify", "--allow-unsigned"));
        for (Path b : bundles) {
            args.add(b.toString());
        }
        return cli(args.toArray(String[]::new));
    }

    private static JsonNode previous(Path bundle) throws IOException {
        return FaultKit.json(bundle.resolve("manifest.json")).get("previous");
    }

    private static String sha(Path bundle) throws IOException {
        return io.sealwatch.reports.bundle.Manifest.sha256(bundle.resolve("manifest.json"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        FileTrees.copy(from, to);
        return to;
    }
}
