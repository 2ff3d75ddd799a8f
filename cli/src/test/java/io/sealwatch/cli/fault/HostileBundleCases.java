package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.files.FileTrees;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static io.sealwatch.cli.fault.HostileCase.of;

/**
 * Bundles for {@code verify} as a forger or a broken copy leaves them: the signature stripped and the
 * manifest calling itself unsigned, links, folders and FIFOs among the artifacts, paths outside,
 * huge and malformed manifests. A signed bundle is made once (the demo, with its throw-away key) and
 * each case tampers with its own copy.
 */
final class HostileBundleCases {
    private static final String G = "verify";
    private static final Set<Integer> MISMATCH = Set.of(4);

    private HostileBundleCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                of(G, "an intact signed bundle", Set.of(0), box -> verify(copy(box), "OK")),
                of(G, "signature stripped, manifest says unsigned", MISMATCH, box -> verify(stripped(box), null)),
                of(G, "the same with --allow-unsigned", Set.of(0), box ->
                        verify(List.of("verify", stripped(box).toString(), "--allow-unsigned"), "UNSIGNED")),
                of(G, "an artifact replaced by a link to an equal file", MISMATCH, box -> {
                    Path b = copy(box);
                    Path twin = Files.copy(b.resolve("findings.json"), box.outside.resolve("findings.json"));
                    Files.delete(b.resolve("findings.json"));
                    Files.createSymbolicLink(b.resolve("findings.json"), twin);
                    return verify(b, null);
                }),
                of(G, "a folder replaced by a link to an equal folder", MISMATCH, box -> {
                    Path b = copy(box);
                    Path twin = box.outside.resolve("tables");
                    FileTrees.copy(b.resolve("tables"), twin);
                    FileTrees.delete(b.resolve("tables"));
                    Files.createSymbolicLink(b.resolve("tables"), twin);
                    return verify(b, null);
                }),
                of(G, "an added empty folder", MISMATCH, box -> {
                    Path b = copy(box);
                    Files.createDirectory(b.resolve("extra"));
                    return verify(b, null);
                }),
                of(G, "an added FIFO", MISMATCH, box -> {
                    Path b = copy(box);
                    new ProcessBuilder("mkfifo", b.resolve("pipe").toString()).start().waitFor();
                    return verify(b, null);
                }),
                of(G, "a manifest naming a file outside", MISMATCH, box -> {
                    Path b = copy(box);
                    ObjectNode m = (ObjectNode) FaultKit.json(b.resolve("manifest.json"));
                    ((ObjectNode) m.get("artifacts").get(0)).put("path", "../../outside/sentinel.txt");
                    Files.write(b.resolve("manifest.json"), FaultKit.JSON.writeValueAsBytes(m));
                    return verify(b, null);
                }),
                of(G, "a 3 GB manifest", MISMATCH, box -> {
                    Path b = copy(box);
                    try (RandomAccessFile f = new RandomAccessFile(b.resolve("manifest.json").toFile(), "rw")) {
                        f.setLength(3L << 30);   // sparse: costs no disk
                    }
                    return verify(b, null);
                }),
                of(G, "a malformed manifest", MISMATCH, box -> {
                    Path b = copy(box);
                    Files.writeString(b.resolve("manifest.json"), "{\"artifacts\": [{\"path\": 7, \"bytes\": -1}");
                    return verify(b, null);
                }),
                of(G, "a manifest that is a folder", MISMATCH, box -> {
                    Path b = copy(box);
                    Files.delete(b.resolve("manifest.json"));
                    Files.createDirectory(b.resolve("manifest.json"));
                    return verify(b, null);
                }),
                of(G, "a folder that is no bundle", MISMATCH, box -> verify(box.work, null)),
                of(G, "a file instead of a folder", Set.of(2), box -> verify(box.work.resolve("notes.txt"), null)),
                of(G, "a path that does not exist", Set.of(2), box -> verify(box.work.resolve("nope"), null)));
    }

    private static HostileCase.Prepared verify(Path bundle, String expect) {
        return verify(List.of("verify", bundle.toString()), expect);
    }

    private static HostileCase.Prepared verify(List<String> args, String expect) {
        return new HostileCase.Prepared(new HostileKit.Launch(args, null),
                o -> expect == null || o.err().contains(expect) ? null : "no '" + expect + "' in: " + o.err());
    }

    /** findings.json emptied, the manifest re-hashed and calling itself unsigned, the signature deleted. */
    private static Path stripped(HostileKit.Sandbox box) throws Exception {
        Path b = copy(box);
        Files.writeString(b.resolve("findings.json"), "[ ]\n");
        ObjectNode m = (ObjectNode) FaultKit.json(b.resolve("manifest.json"));
        m.put("signed", false);
        for (JsonNode a : (ArrayNode) m.get("artifacts")) {
            if (a.get("path").asText().equals("findings.json")) {
                byte[] bytes = Files.readAllBytes(b.resolve("findings.json"));
                ((ObjectNode) a).put("sha256", sha256(bytes)).put("bytes", bytes.length);
            }
        }
        Files.write(b.resolve("manifest.json"), FaultKit.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        Files.delete(b.resolve("manifest.json.p7s"));
        return b;
    }

    /** A copy of the signed demo bundle in the sandbox's working folder. */
    private static Path copy(HostileKit.Sandbox box) throws Exception {
        return box.signedBundle(box.work.resolve("bundle"));
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
