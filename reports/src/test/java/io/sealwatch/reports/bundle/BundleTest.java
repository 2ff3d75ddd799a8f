package io.sealwatch.reports.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.reports.Fixtures;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.reports.signing.OpenSsl;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SignerPin;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
        signer = Fixtures.signer(shared.resolve("keys"));
        good = shared.resolve("out");
        List<Renderer> renderers = new ArrayList<>(Renderers.run());
        renderers.add(new FakeTable());
        Bundle.write(Fixtures.many(), good, signer, renderers);
    }

    /** A table in a sub-folder, as the engine's Parquet renderers write them (not on this module's class path). */
    private static final class FakeTable extends OneFileRenderer {
        FakeTable() {
            super("fake-table", "tables/events/part-0.parquet");
        }

        @Override
        public void render(RunResult result, Path dir) throws java.io.IOException {
            Files.createDirectories(dir.resolve("tables/events"));
            Files.writeString(dir.resolve("tables/events/part-0.parquet"), "PAR1 fake");
        }
    }

    /** A fresh copy of the good bundle in this test's folder. */
    private Path copy() throws Exception {
        Path target = Files.createTempDirectory(dir, "bundle");
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
        VerifyResult v = Verifier.verify(good);
        assertTrue(v.ok(), v.problems().toString());
        assertFalse(v.unsigned());
        assertEquals(signer.certificate(), v.signer());
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
        Bundle.write(r, out, signer, Renderers.run());
        Files.writeString(out.resolve("stale.txt"), "from the previous night");
        Bundle.write(r, out, null, Renderers.run());
        assertFalse(Files.exists(out.resolve("stale.txt")), "old bundle replaced, not merged");
        assertFalse(Files.exists(out.resolve("manifest.json.p7s")));
        Manifest m = Manifest.parse(Files.readAllBytes(out.resolve("manifest.json")));
        assertFalse(m.signed());
        VerifyResult strict = Verifier.verify(out);
        assertFalse(strict.ok(), "an unsigned bundle does not verify by default");
        assertTrue(strict.problems().get(0).startsWith("unsigned"), strict.problems().toString());
        VerifyResult allowed = Verifier.verify(out, new Verifier.Options(true, SignerPin.NONE));
        assertTrue(allowed.ok() && allowed.unsigned(), allowed.problems().toString());
        assertNull(allowed.signer());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("night"), s.map(p -> p.getFileName().toString()).toList(), "no .tmp or .old left");
        }
    }

    @Test
    void aForgedUnsignedBundleFailsWhateverItsManifestSays() throws Exception {
        Path b = copy();
        Files.writeString(b.resolve("findings.json"), "[]\n");
        String emptied = Manifest.sha256(b.resolve("findings.json"));
        editManifest(b, m -> {
            m.put("signed", false);
            for (JsonNode a : m.get("artifacts")) {
                if (a.get("path").asText().equals("findings.json")) {
                    ((ObjectNode) a).put("sha256", emptied).put("bytes", 3);
                }
            }
        });
        Files.delete(b.resolve(Manifest.SIGNATURE));

        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok(), "emptied findings, signed=false and no .p7s must not verify");
        assertEquals(Manifest.FILE, v.firstBadArtifact());
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).contains("nothing attests manifest.json"), v.problems().toString());

        VerifyResult allowed = Verifier.verify(b, new Verifier.Options(true, SignerPin.NONE));
        assertTrue(allowed.ok(), allowed.problems().toString());
        assertTrue(allowed.unsigned(), "reported as unsigned, not as verified");
        assertNull(allowed.signer());
    }

    @Test
    void aRemovedSignatureFailsEvenWithAllowUnsignedWhileTheManifestSaysSigned() throws Exception {
        Path b = copy();
        Files.delete(b.resolve(Manifest.SIGNATURE));
        VerifyResult v = Verifier.verify(b, new Verifier.Options(true, SignerPin.NONE));
        assertFalse(v.ok());
        assertEquals(Manifest.SIGNATURE, v.firstBadArtifact());
        assertFalse(v.unsigned());
    }

    @Test
    void symbolicLinksAreNeverFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("findings.json", "findings.json is a symbolic link, not a regular file");
        cases.put("quarantine", "not in the manifest: quarantine (a symbolic link)");
        cases.put("manifest.json", "manifest.json is a symbolic link, not a regular file");
        cases.put("manifest.json.p7s", "manifest.json.p7s is a symbolic link, not a regular file");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path b = copy();
            Path original = b.resolve(c.getKey());
            Path same = outside.resolve(c.getKey() + "-" + System.nanoTime());
            Files.move(original, same);
            Files.createSymbolicLink(original, same);
            VerifyResult v = Verifier.verify(b);
            assertFalse(v.ok(), c.getKey());
            assertTrue(v.problems().contains(c.getValue()), c.getKey() + ": " + v.problems());
        }
        Path b = copy();
        Files.createSymbolicLink(b.resolve("tables/more"), outside);
        VerifyResult v = Verifier.verify(b);
        assertFalse(v.ok());
        assertEquals("tables/more", v.firstBadArtifact());
        assertEquals(List.of("not in the manifest: tables/more (a symbolic link)"), v.problems());
    }

    @Test
    void addedFoldersAndSpecialFilesFailWithoutBeingOpened() throws Exception {
        Path b = copy();
        Files.createDirectories(b.resolve("tables/empty"));
        VerifyResult folder = Verifier.verify(b);
        assertFalse(folder.ok(), "an empty added folder is not in the manifest either");
        assertEquals("tables/empty", folder.firstBadArtifact());
        assertEquals(List.of("not in the manifest: tables/empty/ (a folder)"), folder.problems());

        assumeTrue(new File("/usr/bin/mkfifo").canExecute(), "mkfifo not installed");
        Path c = copy();
        Files.delete(c.resolve("quarantine/aws-cloudtrail.jsonl"));
        mkfifo(c.resolve("quarantine/aws-cloudtrail.jsonl"));
        mkfifo(c.resolve("pipe"));
        // reading a FIFO would block for ever: verify must judge it by its attributes
        VerifyResult v = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Verifier.verify(c));
        assertFalse(v.ok());
        assertEquals("quarantine/aws-cloudtrail.jsonl", v.firstBadArtifact());
        assertEquals(List.of("quarantine/aws-cloudtrail.jsonl is a special file (FIFO, socket or device), not a regular file",
                "not in the manifest: pipe (a special file (FIFO, socket or device))"), v.problems());
    }

    @Test
    void manifestEntriesOutsideTheBundleFailNamingThem() throws Exception {
        Files.writeString(dir.resolve("outside.txt"), "x");
        for (String entry : List.of("../outside.txt", "/etc/hostname", "a\u0000b", "tables/../findings.json", "./run.json",
                "tables//x", "")) {
            Path b = copy();
            editManifest(b, m -> ((ArrayNode) m.get("artifacts")).addObject().put("path", entry)
                    .put("sha256", "0".repeat(64)).put("bytes", 1));
            VerifyResult v = Verifier.verify(b);
            assertFalse(v.ok(), entry);
            String shown = entry.replace("\u0000", "\\u0000");
            assertTrue(v.problems().contains("the manifest names a path outside the bundle: " + shown),
                    entry + ": " + v.problems());
        }
    }

    @Test
    void aHugeManifestOrSignatureIsRefusedUnread() throws Exception {
        Map<String, String> cases = Map.of(
                Manifest.FILE, "manifest.json is 3221225472 bytes, more than the 64 MiB a manifest may have",
                Manifest.SIGNATURE, "manifest.json.p7s is 3221225472 bytes, more than the 1 MiB a signature may have");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path b = copy();
            try (RandomAccessFile f = new RandomAccessFile(b.resolve(c.getKey()).toFile(), "rw")) {
                f.setLength(3L << 30);
            }
            VerifyResult v = Verifier.verify(b);
            assertFalse(v.ok(), c.getKey());
            assertEquals(c.getKey(), v.firstBadArtifact());
            assertEquals(c.getValue(), v.problems().get(0), v.problems().toString());
        }
    }

    @Test
    void malformedManifestsFailInOneSentenceNamingIt() throws Exception {
        String good = Files.readString(BundleTest.good.resolve(Manifest.FILE));
        assertTrue(good.contains("\"artifacts\" : [") && good.contains("\"signed\" : true,"), good);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{", "not valid JSON");
        cases.put("[]", "not a JSON object");
        cases.put(good + "{}", "not valid JSON");
        cases.put(good.replace("\"signed\" : true,", "\"signed\" : true, \"signed\" : false,"), "Duplicate field 'signed'");
        cases.put(good.replace("\"signed\" : true,", "\"signed\" : \"yes\","), "signed must be true or false");
        cases.put(good.replace("\"artifacts\" :", "\"artefacts\" :"), "artifacts must be an array");
        cases.put(good.replaceFirst("\"bytes\" : ", "\"bytes\" : -"), "artifacts[0].bytes must be a size");
        cases.put(good.replaceFirst("\"bytes\" : (\\d+)", "\"bytes\" : \"$1\""), "artifacts[0].bytes must be a size");
        cases.put(good.replace("\"period\" :", "\"term\" :"), "period is missing");
        cases.put(good.replace("\"artifacts\" : [", "\"artifacts\" : [ 7,"), "artifacts[0] must be an object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path b = copy();
            Files.writeString(b.resolve(Manifest.FILE), c.getKey());
            VerifyResult v = Verifier.verify(b);
            assertFalse(v.ok(), c.getValue());
            assertEquals(Manifest.FILE, v.firstBadArtifact());
            assertEquals(1, v.problems().size(), v.problems().toString());
            assertTrue(v.problems().get(0).startsWith("manifest.json is not a valid Sealwatch manifest: "), v.problems().get(0));
            assertTrue(v.problems().get(0).contains(c.getValue()), v.problems().get(0));
        }
        Path b = copy();
        editManifest(b, m -> ((ArrayNode) m.get("artifacts")).add(m.get("artifacts").get(0).deepCopy()));
        VerifyResult twice = Verifier.verify(b);
        assertEquals(1, twice.problems().size(), twice.problems().toString());
        assertTrue(twice.problems().get(0).contains("lists the artifact " + Manifest.parse(
                Files.readAllBytes(BundleTest.good.resolve(Manifest.FILE))).artifacts().get(0).path() + " twice"),
                twice.problems().toString());
    }

    /** The copy's manifest, edited as JSON and written back (its signature then no longer matches). */
    private static void editManifest(Path bundle, Consumer<ObjectNode> edit) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(bundle.resolve(Manifest.FILE).toFile());
        edit.accept(m);
        Files.write(bundle.resolve(Manifest.FILE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }

    @Test
    void aFileWithTwoProducersIsRefusedAndOutIsUntouched() {
        Path out = dir.resolve("twice");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bundle.write(Fixtures.oneFinding(), out, null, List.of(new FakeTable(), new FakeTable())));
        assertTrue(e.getMessage().contains("tables/events/part-0.parquet has two producers"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void tidyRemovesAHalfRenderedBundleAndPutsBackOneSetAside() throws Exception {
        Path out = dir.resolve("nightly");
        Path half = Files.createDirectories(dir.resolve(".nightly.tmp-0a1b2c/tables"));
        Files.createDirectories(dir.resolve(".nightly.old-3d4e5f"));
        Files.writeString(dir.resolve(".nightly.old-3d4e5f/manifest.json"), "{}");
        Files.createDirectories(dir.resolve(".other.tmp-0a1b2c"));
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        Bundle.tidy(out, new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        assertFalse(Files.exists(half.getParent()), "the half-rendered bundle is removed");
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")), "the bundle set aside is back in --out");
        assertTrue(Files.isDirectory(dir.resolve(".other.tmp-0a1b2c")), "another --out's folder is not touched");
        assertEquals(2, said.toString(StandardCharsets.UTF_8).lines().count(), said.toString(StandardCharsets.UTF_8));
    }

    private static void mkfifo(Path at) throws Exception {
        Process p = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + at);
    }
}
