import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark baseline, not part of Sealwatch: DuckDB reads the generated organisation's files and
 * selects every event of the configured identities (and every read of a sealed Vault path), with the
 * columns given explicitly to read_json. Usage: java -cp duckdb_jdbc.jar bench/DuckQuery.java DATA_DIR
 */
public class DuckQuery {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Map<String, List<String>> ids = identities(dir.resolve("sealwatch.yaml"));
        String base = dir.toString().replace("'", "''");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("aws-cloudtrail", "SELECT count(*) FROM (SELECT unnest(Records) AS r FROM read_json('" + base
                + "/logs/cloudtrail/**/*.json.gz', format='unstructured', maximum_object_size=536870912, columns={Records: "
                + "'STRUCT(eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR, awsRegion VARCHAR, sourceIPAddress VARCHAR, "
                + "userIdentity STRUCT(type VARCHAR, arn VARCHAR), additionalEventData STRUCT(\"MFAUsed\" VARCHAR, "
                + "\"MFAIdentifier\" VARCHAR, \"SamlProviderArn\" VARCHAR), responseElements JSON, requestParameters JSON)[]'})) "
                + "WHERE " + match("r.userIdentity.arn", ids.get("aws-cloudtrail")));
        queries.put("okta-system-log", ndjson(base, "/logs/okta/*.json.gz", "published: 'VARCHAR', eventType: 'VARCHAR', "
                + "actor: 'STRUCT(alternateId VARCHAR)', outcome: 'STRUCT(result VARCHAR)', "
                + "debugContext: 'STRUCT(debugData STRUCT(factor VARCHAR))', target: 'JSON'",
                "actor.alternateId", ids.get("okta-system-log")));
        queries.put("entra-signin", ndjson(base, "/logs/entra/signin/*.json.gz", "time: 'VARCHAR', category: 'VARCHAR', resultType: 'VARCHAR', "
                + "properties: 'STRUCT(userPrincipalName VARCHAR, authenticationDetails JSON, tokenIssuerType VARCHAR)'",
                "properties.userPrincipalName", ids.get("entra-signin")));
        queries.put("entra-audit", ndjson(base, "/logs/entra/audit/*.json.gz", "time: 'VARCHAR', operationName: 'VARCHAR', "
                + "properties: 'STRUCT(initiatedBy STRUCT(\"user\" STRUCT(userPrincipalName VARCHAR)), targetResources JSON)'",
                "properties.initiatedBy.\"user\".userPrincipalName", ids.get("entra-audit")));
        queries.put("gcp-audit", ndjson(base, "/logs/gcp/*.json.gz", "\"timestamp\": 'VARCHAR', "
                + "protoPayload: 'STRUCT(authenticationInfo STRUCT(principalEmail VARCHAR), methodName VARCHAR, request JSON, response JSON)'",
                "protoPayload.authenticationInfo.principalEmail", ids.get("gcp-audit")));
        queries.put("vault-audit", ndjson(base, "/logs/vault/audit-*.log", "time: 'VARCHAR', type: 'VARCHAR', "
                + "auth: 'STRUCT(display_name VARCHAR, metadata JSON)', request: 'STRUCT(path VARCHAR, operation VARCHAR)'",
                "request.path", ids.get("vault-audit")));
        queries.put("evidence", "SELECT count(*) FROM read_csv('" + base + "/logs/evidence/*.csv', header=true, "
                + "columns={'time': 'VARCHAR', 'kind': 'VARCHAR', 'account': 'VARCHAR', 'actor': 'VARCHAR', "
                + "'incident': 'VARCHAR', 'recipient': 'VARCHAR', 'credential': 'VARCHAR', 'detail': 'VARCHAR'})");
        long total = 0;
        StringBuilder per = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    rs.next();
                    long n = rs.getLong(1);
                    total += n;
                    per.append(per.length() == 0 ? "" : " ").append(q.getKey()).append('=').append(n);
                }
            }
        }
        System.out.println("matched=" + total + " " + per);
    }

    /** source type -> identity and sealed-secret patterns, read from the generated sealwatch.yaml. */
    static Map<String, List<String>> identities(Path yaml) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("source: ([a-z-]+), match: \"([^\"]+)\"").matcher(Files.readString(yaml));
        while (m.find()) {
            out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        return out;
    }

    /**
     * The query of one newline-delimited JSON source: its files, the columns read_json is given and
     * the column its identities are matched in (the same for every such source, hence one place).
     */
    static String ndjson(String base, String glob, String columns, String column, List<String> patterns) {
        return "SELECT count(*) FROM read_json('" + base + glob + "', format='newline_delimited', columns={" + columns + "}) "
                + "WHERE " + match(column, patterns);
    }

    static String match(String column, List<String> patterns) {
        List<String> terms = new ArrayList<>();
        for (String p : patterns) {
            String lit = p.replace("'", "''");
            terms.add(p.contains("*") ? "lower(" + column + ") LIKE lower('" + lit.replace("%", "\\%").replace("_", "\\_")
                    .replace("*", "%") + "') ESCAPE '\\'" : "lower(" + column + ") = lower('" + lit + "')");
        }
        return "(" + String.join(" OR ", terms) + ")";
    }
}
