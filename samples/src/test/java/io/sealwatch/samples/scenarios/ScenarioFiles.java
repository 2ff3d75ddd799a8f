package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;

import io.sealwatch.samples.internal.ConfigYaml;
import io.sealwatch.samples.internal.Csv;
import io.sealwatch.samples.scenarios.Scenario.Account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a scenario's inputs: {@code sealwatch.yaml}, {@code scenario.properties}, {@code logs/} and {@code late/}
 * (never {@code expected/}, which the golden test records). Every log is in time order, so the same scenario is
 * the same bytes on every run.
 */
final class ScenarioFiles {
    /** A source type, its files and whether a scenario has any of them. */
    private record Source(String type, String path, Predicate<Scenario> used) {
    }

    /** The source types in the order {@code sealwatch.yaml} lists them. */
    private static final List<Source> SOURCES = List.of(
            new Source("aws-cloudtrail", "logs/cloudtrail/*.json*", s -> !s.cloudtrail.isEmpty()),
            new Source("okta-system-log", "logs/okta/*.json", s -> !s.okta.isEmpty()),
            new Source("entra-signin", "logs/entra/signin/*.json", s -> !s.entra.isEmpty()),
            new Source("vault-audit", "logs/vault/audit*.log", s -> !s.vault.isEmpty()),
            new Source("azure-keyvault", "logs/keyvault/*.json", s -> !s.keyvault.isEmpty()),
            new Source("evidence", "logs/evidence/*.csv", s -> s.csv),
            new Source("jira", "logs/jira/*.json", s -> !s.jira.isEmpty()),
            new Source("servicenow", "logs/servicenow/*.json", s -> !s.servicenow.isEmpty()),
            new Source("pagerduty", "logs/pagerduty/*.json", s -> !s.pagerduty.isEmpty()));
    /** A gzip member header without name or time (mtime 0), maximum compression, made on Unix: as zlib writes it. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3};

    private ScenarioFiles() {
    }

    static void write(Scenario s, Path root) throws IOException {
        Path d = root.resolve(s.name);
        Files.createDirectories(d);
        write(d.resolve("sealwatch.yaml"), yaml(s));
        StringBuilder props = new StringBuilder("description=" + s.description + "\nargs=" + s.args + "\n");
        s.props.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        write(d.resolve("scenario.properties"), props.toString());
        Path logs = d.resolve("logs");
        if (!s.deliveryFiles) {
            lines(logs.resolve("cloudtrail/cloudtrail-events.json"), s.cloudtrail, e -> (String) e.get("eventTime"));
        }
        lines(logs.resolve("okta/system-log.json"), s.okta, e -> (String) e.get("published"));
        lines(logs.resolve("entra/signin/SignInLogs.json"), s.entra, e -> (String) e.get("time"));
        // a request before its response of the same time
        lines(logs.resolve("vault/audit.log"), s.vault, e -> e.get("time") + ("response".equals(e.get("type")) ? "1" : "0"));
        if (s.csv) {
            evidence(logs.resolve("evidence/evidence.csv"), s.evidence);
        }
        exports(logs, s);
        if (s.deliveryFiles) {
            deliveryFiles(s, d);
        }
    }

    private static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String yaml(Scenario s) {
        StringBuilder y = new StringBuilder("# Scenario " + s.name + ": " + s.description + "\n"
                + "organization: Scenario Corp\ntimezone: UTC\n\nsources:\n");
        for (Source source : SOURCES) {
            if (source.used.test(s)) {
                y.append(String.format(Locale.ROOT, "  - { type: %-16s path: \"%s\" }", source.type + ",", source.path))
                        .append('\n');
            }
        }
        y.append("\naccounts:\n");
        for (Account a : s.accounts) {
            y.append(ConfigYaml.account(a.id(), a.description(), a.identities(), a.sealed(), a.credentials(),
                    Scenario.CUSTODIANS, 2, a.maxSession()));
        }
        y.append("\napprovers: [").append(String.join(", ", s.approvers)).append("]\n");
        if (!s.evidenceMap.isEmpty()) {
            y.append("\nevidence-map:\n");
            s.evidenceMap.forEach(line -> y.append(line).append('\n'));
        }
        y.append("\npolicy:\n");
        s.policy.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
        if (!s.waivers.isEmpty()) {
            y.append("\nwaivers:\n");
            for (Map<String, Object> w : s.waivers) {
                List<String> entries = new ArrayList<>();
                w.forEach((k, v) -> entries.add(k + ": " + v));
                y.append("  - { ").append(String.join(", ", entries)).append(" }\n");
            }
        }
        return y.toString();
    }

    /** One compact JSON event per line, in time order (stable: events of the same time keep their order). */
    private static void lines(Path file, List<Map<String, Object>> events, Function<Map<String, Object>, String> time)
            throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> e : sorted(events, Comparator.comparing(time))) {
            sb.append(Json.compact(e)).append('\n');
        }
        write(file, sb.toString());
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return out;
    }

    private static void evidence(Path file, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("time,kind,account,actor,incident,recipient,credential,detail\n");
        Comparator<String[]> order = Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1])
                .thenComparing(r -> r[2]).thenComparing(r -> r[3]).thenComparing(r -> r[5]);
        for (String[] row : sorted(rows, order)) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ",").append(Csv.field(row[i]));
            }
            sb.append('\n');
        }
        write(file, sb.toString());
    }

    /** Tickets, pages and Key Vault logs, each one page of its REST export (or one diagnostic-settings blob). */
    private static void exports(Path logs, Scenario s) throws IOException {
        if (!s.jira.isEmpty()) {
            page(logs.resolve("jira/search.json"), map("expand", "schema,names", "startAt", 0, "maxResults", 50,
                    "total", s.jira.size(), "issues", sorted(s.jira, Comparator.comparing(i -> (String) i.get("key")))));
        }
        if (!s.pagerduty.isEmpty()) {
            Comparator<Map<String, Object>> order = Comparator.comparing(e -> (String) e.get("created_at"));
            page(logs.resolve("pagerduty/log-entries.json"), map("log_entries",
                    sorted(s.pagerduty, order.thenComparing(e -> (String) e.get("id"))),
                    "limit", 100, "offset", 0, "more", false, "total", null));
        }
        if (!s.servicenow.isEmpty()) {
            page(logs.resolve("servicenow/sysapproval_approver.json"), map("result", sorted(s.servicenow,
                    Comparator.comparing(r -> (String) ((Map<?, ?>) r.get("sys_updated_on")).get("value")))));
        }
        if (!s.keyvault.isEmpty()) {
            page(logs.resolve("keyvault/PT1H.json"),
                    map("records", sorted(s.keyvault, Comparator.comparing(r -> (String) r.get("time")))));
        }
    }

    private static void page(Path file, Map<String, Object> body) throws IOException {
        write(file, Json.indented(body) + "\n");
    }

    /** CloudTrail as AWS delivers it: one gzip-compressed {@code {"Records":[…]}} file a day, late days in {@code late/}. */
    private static void deliveryFiles(Scenario s, Path d) throws IOException {
        Map<String, List<Map<String, Object>>> days = new TreeMap<>();
        for (Map<String, Object> e : s.cloudtrail) {
            String day = ((String) e.get("eventTime")).substring(0, 10).replace("-", "");
            days.computeIfAbsent(day, k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Map<String, Object>>> day : days.entrySet()) {
            String body = Json.compact(map("Records",
                    sorted(day.getValue(), Comparator.comparing(e -> (String) e.get("eventTime")))));
            String name = Aws.ACCT + "_CloudTrail_us-east-1_" + day.getKey() + "T2355Z_"
                    + Ids.hex(16, "file", s.name, day.getKey()) + ".json.gz";
            write(d.resolve(s.lateDays.contains(day.getKey()) ? "late" : "logs").resolve("cloudtrail").resolve(name),
                    gzip(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] gzip(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(GZIP_HEADER);
        deflater.setInput(data);
        deflater.finish();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(data.length).array());
        return out.toByteArray();
    }
}
