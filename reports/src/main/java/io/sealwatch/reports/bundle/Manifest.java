package io.sealwatch.reports.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Period;
import io.sealwatch.reports.json.Json;
import io.sealwatch.result.RunInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: what the bundle attests. Every file of the bundle but the manifest and its
 * signature is an artifact (relative path with forward slashes, sha256, size), sorted by path; inputs
 * are the hashed input files. Written with the shared JSON settings, so it is deterministic.
 */
public record Manifest(String engineVersion, String configSha256, String rulePackSha256, Period period, Instant asOf,
                       boolean signed, List<Input> inputs, List<Artifact> artifacts) {

    public static final String FILE = "manifest.json";
    public static final String SIGNATURE = "manifest.json.p7s";

    public record Input(String path, String sha256) {
    }

    public record Artifact(String path, String sha256, long bytes) {
    }

    /** Hashes every file under {@code dir} except the manifest and its signature. */
    public static Manifest of(RunInfo info, List<InputFileStats> inputs, Path dir, boolean signed) throws IOException {
        List<Input> in = inputs.stream().map(i -> new Input(i.path(), i.sha256()))
                .sorted(Comparator.comparing(Input::path).thenComparing(Input::sha256, Comparator.nullsFirst(Comparator.naturalOrder())))
                .distinct().toList();
        List<Artifact> artifacts = new ArrayList<>();
        for (String rel : files(dir)) {
            if (!rel.equals(FILE) && !rel.equals(SIGNATURE)) {
                Path p = dir.resolve(rel);
                artifacts.add(new Artifact(rel, sha256(p), Files.size(p)));
            }
        }
        return new Manifest(info.engineVersion(), info.configSha256(), info.rulePackSha256(), info.period(),
                info.period().asOf(), signed, in, List.copyOf(artifacts));
    }

    /** Every regular file under {@code dir}, relative, forward slashes, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] toJson() throws IOException {
        ObjectNode o = Json.object();
        o.put("engineVersion", engineVersion);
        o.put("configSha256", configSha256);
        o.put("rulePackSha256", rulePackSha256);
        ObjectNode p = o.putObject("period");
        Json.put(p, "from", period.from());
        Json.put(p, "to", period.to());
        Json.put(o, "asOf", asOf);
        o.put("signed", signed);
        ArrayNode in = o.putArray("inputs");
        inputs.forEach(i -> in.addObject().put("path", i.path()).put("sha256", i.sha256()));
        ArrayNode a = o.putArray("artifacts");
        artifacts.forEach(x -> a.addObject().put("path", x.path()).put("sha256", x.sha256()).put("bytes", x.bytes()));
        return Json.prettyBytes(o);
    }

    public static Manifest parse(byte[] json) throws IOException {
        JsonNode o = Json.MAPPER.readTree(json);
        try {
            List<Input> inputs = new ArrayList<>();
            o.get("inputs").forEach(i -> inputs.add(new Input(i.get("path").asText(), i.path("sha256").asText(null))));
            List<Artifact> artifacts = new ArrayList<>();
            o.get("artifacts").forEach(x -> artifacts.add(new Artifact(x.get("path").asText(), x.get("sha256").asText(),
                    x.get("bytes").asLong())));
            return new Manifest(o.path("engineVersion").asText(null), o.path("configSha256").asText(null),
                    o.path("rulePackSha256").asText(null),
                    new Period(Instant.parse(o.get("period").get("from").asText()),
                            Instant.parse(o.get("period").get("to").asText())),
                    Instant.parse(o.get("asOf").asText()), o.get("signed").asBoolean(), List.copyOf(inputs),
                    List.copyOf(artifacts));
        } catch (RuntimeException e) {
            throw new IOException(FILE + " is not a Sealwatch manifest: " + e, e);
        }
    }
}
