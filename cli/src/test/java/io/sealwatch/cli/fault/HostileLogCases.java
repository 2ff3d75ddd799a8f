package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static io.sealwatch.cli.fault.HostileCase.of;

/**
 * Log bytes as a hostile or broken source writes them: a source that delivers nothing, a gzip bomb,
 * records with duplicated keys, 5,000-digit numbers, identities hidden behind JSON escapes, lines that
 * start with NUL, a symbolic-link loop under {@code **}. Every record must be accounted for, and a
 * night with a source missing must not look like an ordinary one.
 */
final class HostileLogCases {
    private static final String G = "logs";

    private HostileLogCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                of(G, "a source whose glob matches no file", Set.of(3), box -> {
                    Path config = box.healthyOrg();
                    Files.delete(box.org.resolve("logs/evidence/drills.csv"));
                    Path out = box.work.resolve("nightly");
                    return new HostileCase.Prepared(box.run(config, out), o -> o.err().contains("evidence")
                            ? null : "the silent source is not named: " + o.err());
                }),
                of(G, "a gzip that inflates to 1 GiB in a 600 MB JVM", Set.of(1, 3), box -> {
                    Path config = box.healthyOrg();
                    Path bomb = box.org.resolve("logs/ct/bomb.json.gz");
                    writeBomb(bomb, 1L << 30);
                    Path out = box.work.resolve("nightly");
                    HostileKit.Launch run = box.run(config, out);
                    return new HostileCase.Prepared(new HostileKit.Launch(run.args(), List.of("-Xmx600m"), out),
                            o -> accounted(out, "bomb.json.gz", o));
                }),
                of(G, "duplicate keys, huge numbers, escaped identities, NUL lines", Set.of(1), box -> {
                    Path config = box.healthyOrg();
                    Path ct = box.org.resolve("logs/ct/hostile.json");
                    String login = FaultKit.cloudTrail("ct-dup", "2026-08-20T10:00:00Z", "ConsoleLogin", FaultKit.ARN)
                            .toString();
                    List<String> lines = new ArrayList<>();
                    // ConsoleLogin and then GetObject under one key: last-wins would hide the login
                    lines.add(login.replace("\"eventName\":\"ConsoleLogin\"",
                            "\"eventName\":\"ConsoleLogin\",\"eventName\":\"GetObject\""));
                    lines.add(FaultKit.cloudTrail("ct-num", "2026-08-20T10:01:00Z", "GetObject", FaultKit.ARN).toString()
                            .replace("\"eventVersion\":\"1.08\"", "\"eventVersion\":\"1.08\",\"n\":" + "9".repeat(5000)));
                    lines.add("\u0000" + FaultKit.cloudTrail("ct-nul", "2026-08-20T10:02:00Z", "GetObject",
                            FaultKit.ARN));
                    Files.writeString(ct, String.join("\n", lines) + "\n");
                    Path okta = box.org.resolve("logs/okta/escaped.json");
                    // the identity behind a JSON escape, then padded with a space and with a NUL: none may pass unseen
                    List<String> oktaLines = new ArrayList<>();
                    for (String written : List.of("breakglass\\u0040example.com", "breakglass@example.com ",
                            "breakglass@example.com\\u0000")) {
                        oktaLines.add(FaultKit.okta("okta-" + oktaLines.size(), "2026-08-20T10:03:0" + oktaLines.size() + "Z",
                                "user.session.start", FaultKit.OKTA_ID).toString().replace(FaultKit.OKTA_ID, written));
                    }
                    Files.writeString(okta, String.join("\n", oktaLines) + "\n");
                    Path out = box.work.resolve("nightly");
                    return new HostileCase.Prepared(box.run(config, out), o -> {
                        JsonNode run = FaultKit.json(out.resolve("run.json"));
                        FaultKit.assertAccounted(run);
                        JsonNode hostile = FaultKit.input(run, "hostile.json");
                        JsonNode escaped = FaultKit.input(run, "escaped.json");
                        List<String> reasons = FaultKit.quarantine(out).stream().map(q -> q.get("reason").asText()).toList();
                        if (hostile.get("read").asLong() != 3) {
                            return "hostile.json: 3 lines, " + hostile.get("read") + " read";
                        }
                        if (reasons.stream().noneMatch(r -> r.contains("duplicate"))) {
                            return "no record quarantined for its duplicate key: " + reasons;
                        }
                        if (reasons.stream().filter(r -> r.contains("identity-like")).count() < 2) {
                            return "the padded identities are not quarantined as identity-like: " + reasons;
                        }
                        return escaped.get("notRelevant").asLong() == 0 && escaped.get("normalised").asLong() == 1 ? null
                                : "the escaped identity was not taken as the identity: " + escaped;
                    });
                }),
                of(G, "a symbolic-link loop under **", Set.of(1, 3), box -> {
                    Path config = box.healthyOrg();
                    Files.writeString(config, Files.readString(config).replace("logs/ct/*", "logs/ct/**/*.json"));
                    Files.createDirectories(box.org.resolve("logs/ct/sub"));
                    Files.createSymbolicLink(box.org.resolve("logs/ct/sub/loop"), box.org.resolve("logs/ct"));
                    Path out = box.work.resolve("nightly");
                    return new HostileCase.Prepared(box.run(config, out), o -> {
                        JsonNode run = FaultKit.json(out.resolve("run.json"));
                        FaultKit.input(run, "login.json");
                        return o.err().contains("loop") ? null : "the loop is not reported: " + o.err();
                    });
                }));
    }

    /** {@code {"Records": [ … ]}} of irrelevant records, {@code bytes} long once inflated. */
    private static void writeBomb(Path file, long bytes) throws IOException {
        byte[] record = (FaultKit.cloudTrail("x", "2026-08-01T00:00:00Z", "GetObject",
                "arn:aws:iam::111122223333:user/app").toString() + ",").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            out.write("{\"Records\":[".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < bytes; written += record.length) {
                out.write(record);
            }
            out.write((FaultKit.cloudTrail("y", "2026-08-01T00:00:00Z", "GetObject",
                    "arn:aws:iam::111122223333:user/app") + "]}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The file is either read with its records accounted for, or named as unreadable; nothing else. */
    private static String accounted(Path out, String name, HostileKit.Outcome o) throws IOException {
        if (!Files.isRegularFile(out.resolve("run.json"))) {
            return "no bundle: " + o.err();
        }
        JsonNode run = FaultKit.json(out.resolve("run.json"));
        FaultKit.assertAccounted(run);
        JsonNode in = FaultKit.input(run, name);
        return in.get("read").asLong() > 1_000_000 || o.exit() == 3 && o.err().contains(name) ? null
                : name + " neither read nor named unreadable: " + in;
    }
}
