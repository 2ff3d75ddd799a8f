package io.sealwatch.reports.bundle;

import io.sealwatch.reports.Fixtures;
import io.sealwatch.reports.Renderers;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.reports.signing.OpenSsl;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One signed bundle is written once; each test verifies a copy of it, tampered its own way. */
class BundleTest {

    @TempDir
    static Path shared;
    static Path good;
    static Signer signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeBundle() throws Exception {
        char[] pw = "pw-for-tests".toCharArray();
        signer = Signer.load(KeyTool.init(shared.resolve("keys"), pw), pw, KeyTool.ALIAS);
        Path extra = Files.createDirectories(shared.resolve("engine-out"));
        Files.createDirectories(extra.resolve("tables/events"));
        Files.writeString(extra.resolve("tables/events/part-0.parquet"), "PAR1 fake");
        Files.createDirectories(extra.resolve("quarantine"));
        Files.writeString(extra.resolve("quarantine/aws-cloudtrail.jsonl"), "{\"reason\":\"bad json\"}\n");
        good = shared.resolve("out");
        Bundle.write(Fixtures.many(), good, signer, Renderers.run(), extra);
    }

    private Path copy() throws Exception {
        Path target = dir.resolve("bundle");
        try (Stream<Path> s = Files.walk(good)) {
            for (Path p : s.toList()) {
                Path d = target.resolve(good.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    @Test
    void goodBundleVerifiesAndHoldsEverything() throws Exception {
        VerifyResult v = Verifier.verify(good, true);
        assertTrue(v.ok(), v.problems().toString());
        for (String f : List.of("findings.json", "episodes.json", "run.json", "findings.ocsf.jsonl", "evidence.xlsx",
                "report.pdf", "manifest.json", "manifest.json.p7s", "tables/events/part-0.parquet",
                "quarantine/aws-cloudtrail.jsonl")) {
            assertTrue(Files.isRegularFile(good.resolve(f)), f);
        }
        Manifest m = Manifest.parse(Files.readAllBytes(good.resolve("manifest.json")));
        assertTrue(m.signed());
        assertTrue(m.artifacts().stream().anyMatch(a -> a.path().equals("tables/events/part-0.parquet")));
        assertTrue(m.artifacts().stream().noneMatch(a -> a.path().startsWith("manifest.json")));
        assertEquals(m.artifacts().stream().map(Manifest.Artifact::path).sorted().toList(),
                m.artifacts().stream().map(Manifest.Artifact::path).toList(), "sorted");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(good.resolve("report.pdf"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(good.resolve("tables"))));
        assertEquals(0, OpenSsl.verify(good.resolve("manifest.json.p7s"), good.resolve("manifest.json")));
        try (Stream<Path> s = Files.list(shared)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".out.")), "no temp folder left");
        }
        try (Stream<Path> s = Files.list(shared.resolve("engine-out"))) {
            assertEquals(0, s.count(), "engine outputs moved in");
        }
    }

    @Test
    void pdfsigShowsThePadesSignature() throws Exception {
        assumeTrue(new File("/usr/bin/pdfsig").canExecute(), "pdfsig (poppler-utils) not installed");
        Process p = new ProcessBuilder("pdfsig", good.resolve("report.pdf").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("Signature #1"), out);
        assertTrue(out.contains("ETSI.CAdES.detached"), out);
        assertTrue(out.contains("Signature is Valid"), out);
        assertTrue(out.contains("Total document signed"), out);
    }

    @Test
    void oneFlippedByteInFindingsJsonFailsNamingIt() throws Exception {
        Path b = copy();
        byte[] bytes = Files.readAllBytes(b.resolve("findings.json"));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(b.resolve("findings.json"), bytes);
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("findings.json", v.firstBadArtifact());
        assertTrue(v.problems().get(0).contains("findings.json"), v.problems().toString());
    }

    @Test
    void deletedFileFails() throws Exception {
        Path b = copy();
        Files.delete(b.resolve("quarantine/aws-cloudtrail.jsonl"));
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("quarantine/aws-cloudtrail.jsonl", v.firstBadArtifact());
        assertTrue(v.problems().get(0).startsWith("missing"), v.problems().toString());
    }

    @Test
    void addedFileFails() throws Exception {
        Path b = copy();
        Files.writeString(b.resolve("tables/extra.csv"), "x");
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("tables/extra.csv", v.firstBadArtifact());
    }

    @Test
    void tamperedPdfFailsEvenWithARewrittenManifestHash() throws Exception {
        Path b = copy();
        Path pdf = b.resolve("report.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Example Corp");
        assertTrue(at > 0 || bytes.length > 2000);
        int pos = at > 0 ? at : 1000;
        bytes[pos] ^= 0x01;
        Files.write(pdf, bytes);
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("report.pdf", v.firstBadArtifact());
        assertTrue(v.problems().stream().anyMatch(s -> s.contains("PDF signature invalid")), v.problems().toString());
    }

    @Test
    void tamperedManifestFailsItsSignature() throws Exception {
        Path b = copy();
        String json = Files.readString(b.resolve("manifest.json")).replace("\"signed\" : true", "\"signed\" : true ");
        Files.writeString(b.resolve("manifest.json"), json);
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("manifest.json", v.firstBadArtifact());
    }

    @Test
    void unsignedBundleSaysSoAndReplacesTheOldOneAtomically() throws Exception {
        RunResult r = Fixtures.oneFinding();
        Path out = dir.resolve("night");
        Bundle.write(r, out, signer, Renderers.run(), null);
        Files.writeString(out.resolve("stale.txt"), "from the previous night");
        Bundle.write(r, out, null, Renderers.run(), null);
        assertFalse(Files.exists(out.resolve("stale.txt")), "old bundle replaced, not merged");
        assertFalse(Files.exists(out.resolve("manifest.json.p7s")));
        Manifest m = Manifest.parse(Files.readAllBytes(out.resolve("manifest.json")));
        assertFalse(m.signed());
        assertTrue(Verifier.verify(out).ok());
        assertFalse(Verifier.verify(out, true).ok(), "unsigned is a problem when a signature is required");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("night"), s.map(p -> p.getFileName().toString()).toList(), "no .tmp or .old left");
        }
    }
}
