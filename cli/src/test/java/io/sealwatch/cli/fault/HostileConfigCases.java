package io.sealwatch.cli.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.sealwatch.cli.fault.HostileCase.of;

/**
 * Configs as careless or hostile users write them, through {@code validate -c}: impossible quorums,
 * duplicate keys, one identity in two accounts, files that are not files, bombs, bytes that are not
 * UTF-8, wrong types. Each is exit 2 with one line naming the file, the line and the key.
 */
final class HostileConfigCases {
    private static final String G = "config";
    private static final Set<Integer> REFUSED = Set.of(2);

    private HostileConfigCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                of(G, "quorum 0", REFUSED, box -> edited(box, "quorum: 2", "quorum: 0", "quorum")),
                of(G, "quorum -1", REFUSED, box -> edited(box, "quorum: 2", "quorum: -1", "quorum")),
                of(G, "quorum above the custodians", REFUSED, box -> edited(box, "quorum: 2", "quorum: 4", "quorum")),
                of(G, "no custodians", REFUSED, box -> edited(box,
                        "custodians: [alice@example.com, bob@example.com, carol@example.com]", "custodians: []", "custodians")),
                of(G, "a second accounts: key", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    String yaml = Files.readString(config);
                    int first = lineOf(yaml, "accounts:");
                    yaml += "accounts:\n  - { id: other, identities: [{ source: aws-cloudtrail, match: x }],"
                            + " custodians: [a@example.com], quorum: 1 }\n";
                    int second = (int) yaml.lines().count() - 1;
                    Files.writeString(config, yaml);
                    return validate(config, o -> o.err().contains(String.valueOf(first)) && o.err().contains(String.valueOf(second))
                            ? null : "both lines (" + first + ", " + second + ") are not named: " + o.err());
                }),
                of(G, "a key twice inside an account", REFUSED, box -> edited(box, "quorum: 2", "quorum: 2\n    quorum: 3", "quorum")),
                of(G, "one identity pattern in two accounts", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    String yaml = Files.readString(config).replace("approvers:", """
                              - id: aws-other
                                identities:
                                  - { source: aws-cloudtrail, match: "arn:aws:iam::111122223333:user/*" }
                                credentials: [password]
                                custodians: [alice@example.com]
                                quorum: 1
                                max-session: PT1H
                            approvers:""");
                    Files.writeString(config, yaml);
                    return validate(config, o -> o.err().contains("aws-other") ? null : "the other account is not named");
                }),
                of(G, "/dev/zero", REFUSED, box -> validate(Path.of("/dev/zero"), null)),
                of(G, "a FIFO", REFUSED, box -> {
                    Path fifo = box.org.resolve("sealwatch.yaml");
                    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
                    return validate(fifo, null);
                }),
                of(G, "a folder", REFUSED, box -> validate(box.org, null)),
                of(G, "a missing file", REFUSED, box -> validate(box.org.resolve("nope.yaml"), null)),
                of(G, "a symbolic link loop", REFUSED, box -> {
                    Path loop = box.org.resolve("loop.yaml");
                    Files.createSymbolicLink(loop, loop);
                    return validate(loop, null);
                }),
                of(G, "an empty file", REFUSED, box -> validate(Files.writeString(box.org.resolve("empty.yaml"), ""), null)),
                of(G, "a 10 MB config", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    try (OutputStream out = Files.newOutputStream(config, java.nio.file.StandardOpenOption.APPEND)) {
                        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                                .getBytes(StandardCharsets.US_ASCII);
                        for (long written = 0; written < 10L << 20; written += line.length) {
                            out.write(line);
                        }
                    }
                    return validate(config, null);
                }),
                of(G, "an alias bomb", REFUSED, box -> {
                    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
                    for (int i = 1; i < 12; i++) {
                        y.append("a").append(i).append(": &a").append(i).append(" [");
                        for (int j = 0; j < 10; j++) {
                            y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
                        }
                        y.append("]\n");
                    }
                    return validate(Files.writeString(box.org.resolve("bomb.yaml"), y), null);
                }),
                of(G, "deep nesting", REFUSED, box ->
                        validate(Files.writeString(box.org.resolve("deep.yaml"), "a: " + "[".repeat(20_000)), null)),
                of(G, "bytes that are not UTF-8", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    byte[] yaml = Files.readAllBytes(config);
                    byte[] bad = new String(yaml, StandardCharsets.UTF_8).replace("Fault Corp", "Fault Corp \u00e9")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    Files.write(config, bad);
                    return validate(config, o -> o.err().contains(":1:") ? null : "the line of the bad byte (1) is not named");
                }),
                of(G, "a list where a map belongs", REFUSED, box -> edited(box, "organization: Fault Corp",
                        "organization: Fault Corp\npolicy: [a, b]", "policy")),
                of(G, "a number where a list belongs", REFUSED, box -> edited(box,
                        "custodians: [alice@example.com, bob@example.com, carol@example.com]", "custodians: 7", "custodians")),
                of(G, "a zero duration", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    Files.writeString(config, Files.readString(config) + "policy:\n  episode-gap: PT0S\n");
                    return validate(config, o -> o.err().contains("episode-gap") && !o.err().contains("not an ISO-8601")
                            ? null : "PT0S is an ISO-8601 duration; the message must say what is wrong: " + o.err());
                }),
                of(G, "a log-gap waiver for an unknown source", REFUSED, box -> {
                    Path config = box.healthyOrg();
                    Files.writeString(config, Files.readString(config) + "waivers:\n  - { rule: BG-LOG-GAP, source: "
                            + "splunk, until: 2026-12-31, reason: migration, approved-by: ciso@example.com }\n");
                    return validate(config, o -> o.err().contains("splunk") ? null : "the source is not named");
                }),
                of(G, "a log-gap waiver by source is valid", Set.of(0), box -> {
                    Path config = box.healthyOrg();
                    Files.writeString(config, Files.readString(config) + "waivers:\n  - { rule: BG-LOG-GAP, source: "
                            + "vault-audit, until: 2026-12-31, reason: migration, approved-by: ciso@example.com }\n");
                    return validate(config, null);
                }));
    }

    /** The healthy organisation's config with {@code from} replaced; the answer must name {@code key} and its line. */
    private static HostileCase.Prepared edited(HostileKit.Sandbox box, String from, String to, String key) throws IOException {
        Path config = box.healthyOrg();
        String yaml = Files.readString(config);
        if (!yaml.contains(from)) {
            throw new AssertionError("the test config has no '" + from + "'");
        }
        Files.writeString(config, yaml.replace(from, to));
        int line = lineOf(yaml.replace(from, to), to.lines().reduce((a, b) -> b).orElse(to).strip());
        return validate(config, o -> o.err().contains(key) && o.err().contains(":" + line + ":") ? null
                : "the answer does not name " + key + " at line " + line + ": " + o.err());
    }

    private static HostileCase.Prepared validate(Path config, HostileCase.Check check) {
        return new HostileCase.Prepared(new HostileKit.Launch(List.of("validate", "-c", config.toString()), null), check);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no '" + needle + "' in the config");
    }
}
