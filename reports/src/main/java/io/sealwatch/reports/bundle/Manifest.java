package io.sealwatch.reports.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Period;
import io.sealwatch.reports.json.Json;
import io.sealwatch.result.RunInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: what the bundle attests. Every file of the bundle but the manifest and its
 * signature is an artifact (relative path with forward slashes, sha256, size), sorted by path; inputs
 * are the hashed input files; {@code previous} is the bundle this one follows ({@link Predecessor}), null
 * for the first of a series. Written with the shared JSON settings, so it is deterministic.
 */
public record Manifest(String engineVersion, String configSha256, String rulePackSha256, Period period, Instant asOf,
                       boolean signed, List<Input> inputs, List<Artifact> artifacts, Predecessor previous) {

    public static final String FILE = "manifest.json";
    public static final String SIGNATURE = "manifest.json.p7s";
    /**
     * The largest manifest {@code verify} reads. An entry (artifact or input file) takes about 200 bytes,
     * so this holds some 300,000 of them, far more than a quarter's bundle lists; parsing takes several
     * times the file's size in heap, so a bigger (forged) file is refused rather than read.
     */
    public static final long MAX_BYTES = 64L << 20;

    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public record Input(String path, String sha256) {
    }

    public record Artifact(String path, String sha256, long bytes) {
    }

    /** Hashes every file under {@code dir} except the manifest and its signature. */
    public static Manifest of(RunInfo info, List<InputFileStats> inputs, Path dir, boolean signed, Predecessor previous)
            throws IOException {
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
                info.period().asOf(), signed, in, List.copyOf(artifacts), previous);
    }

    /** Every regular file under {@code dir}, relative, forward slashes, sorted; links are neither followed nor listed. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), md)) {
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
        if (previous == null) {
            o.putNull("previous");
        } else {
            ObjectNode prev = o.putObject("previous");
            ObjectNode pp = prev.putObject("period");
            Json.put(pp, "from", previous.period().from());
            Json.put(pp, "to", previous.period().to());
            prev.put("manifestSha256", previous.manifestSha256());
        }
        return Json.prettyBytes(o);
    }

    /**
     * Reads a manifest strictly: a duplicate key, trailing data, a missing field, a value of the wrong
     * type, a negative size, a malformed hash or time, or two entries for one artifact make it malformed,
     * because {@code verify} must not guess what a damaged or forged manifest meant.
     *
     * @throws IOException one sentence naming manifest.json and what is wrong
     */
    public static Manifest parse(byte[] json) throws IOException {
        JsonNode o;
        try {
            o = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON (" + shown(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
        }
        if (o == null || !o.isObject()) {
            throw malformed("not a JSON object");
        }
        List<Input> inputs = new ArrayList<>();
        for (JsonNode i : array(o, "inputs")) {
            String at = "inputs[" + inputs.size() + "]";
            inputs.add(new Input(text(i, "path", at), i.path("sha256").isNull() ? null : sha(i, at)));
        }
        List<Artifact> artifacts = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (JsonNode x : array(o, "artifacts")) {
            String at = "artifacts[" + artifacts.size() + "]";
            String path = text(x, "path", at);
            JsonNode bytes = x.get("bytes");
            if (bytes == null || !bytes.isIntegralNumber() || !bytes.canConvertToLong() || bytes.longValue() < 0) {
                throw malformed(at + ".bytes must be a size in bytes, not " + bytes);
            }
            if (!paths.add(path)) {
                throw malformed("it lists the artifact " + shown(path) + " twice");
            }
            artifacts.add(new Artifact(path, sha(x, at), bytes.asLong()));
        }
        JsonNode signed = o.get("signed");
        if (signed == null || !signed.isBoolean()) {
            throw malformed("signed must be true or false");
        }
        Period judged = period(o.get("period"), "period");
        // absent in bundles written before chaining: they follow nothing that they record
        JsonNode prev = o.get("previous");
        Predecessor previous = null;
        if (prev != null && !prev.isNull()) {
            if (!prev.isObject()) {
                throw malformed("previous must be an object or null");
            }
            previous = new Predecessor(period(prev.get("period"), "previous.period"), sha(prev, "previous", "manifestSha256"));
        }
        return new Manifest(optionalText(o, "engineVersion"), optionalText(o, "configSha256"),
                optionalText(o, "rulePackSha256"), judged, time(o, "asOf", null), signed.booleanValue(),
                List.copyOf(inputs), List.copyOf(artifacts), previous);
    }

    private static Period period(JsonNode period, String at) throws IOException {
        if (period == null || !period.isObject()) {
            throw malformed(at + " is missing");
        }
        try {
            return new Period(time(period, "from", at), time(period, "to", at));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    /** Text from a manifest or a folder as printed: control characters (NUL, newline, escape) as \\uXXXX, inert. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private static IOException malformed(String what) {
        return new IOException(FILE + " is not a valid Sealwatch manifest: " + what);
    }

    private static Iterable<JsonNode> array(JsonNode o, String field) throws IOException {
        JsonNode a = o.get(field);
        if (a == null || !a.isArray()) {
            throw malformed(field + " must be an array");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isObject()) {
                throw malformed(field + "[" + i + "] must be an object");
            }
        }
        return a;
    }

    private static String text(JsonNode o, String field, String at) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed((at == null ? "" : at + ".") + field + " must be a string");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode o, String field) throws IOException {
        return o.path(field).isNull() || o.path(field).isMissingNode() ? null : text(o, field, null);
    }

    private static String sha(JsonNode o, String at) throws IOException {
        return sha(o, at, "sha256");
    }

    private static String sha(JsonNode o, String at, String field) throws IOException {
        String v = text(o, field, at);
        if (!SHA256.matcher(v).matches()) {
            throw malformed(at + "." + field + " must be 64 lowercase hex digits");
        }
        return v;
    }

    private static Instant time(JsonNode o, String field, String at) throws IOException {
        String v = text(o, field, at);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw malformed((at == null ? "" : at + ".") + field + " is not an ISO-8601 UTC time");
        }
    }
}
