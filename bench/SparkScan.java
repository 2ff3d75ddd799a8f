import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.ConfigLoader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

/**
 * Benchmark baseline, not part of Sealwatch: a plain Spark job, read.json (schema inferred) and a
 * filter on the configured identities, with no pruning or prefilter. Usage (with Spark's JVM flags):
 * java FLAGS -cp "cli/target/lib/*" bench/SparkScan.java DATA_DIR
 */
public class SparkScan {
    public static void main(String[] args) throws Exception {
        String dir = Path.of(args[0]).toAbsolutePath().toString();
        Map<String, List<String>> ids = identities(Path.of(dir, "sealwatch.yaml"));
        SparkSession spark = SparkSession.builder().master("local[*]").appName("bench-plain-spark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Map<String, Long> counts = new LinkedHashMap<>();
        Dataset<Row> ct = spark.read().option("multiLine", true)
                .json(dir + "/logs/cloudtrail/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz")
                .select(explode(col("Records")).as("r"));
        counts.put("aws-cloudtrail", ct.filter(match(col("r.userIdentity.arn"), ids.get("aws-cloudtrail"))).count());
        counts.put("okta-system-log", spark.read().json(dir + "/logs/okta/*.json.gz")
                .filter(match(col("actor.alternateId"), ids.get("okta-system-log"))).count());
        counts.put("entra-signin", spark.read().json(dir + "/logs/entra/signin/*.json.gz")
                .filter(match(col("properties.userPrincipalName"), ids.get("entra-signin"))).count());
        counts.put("entra-audit", spark.read().json(dir + "/logs/entra/audit/*.json.gz")
                .filter(match(col("properties.initiatedBy.user.userPrincipalName"), ids.get("entra-audit"))).count());
        counts.put("gcp-audit", spark.read().json(dir + "/logs/gcp/*.json.gz")
                .filter(match(col("protoPayload.authenticationInfo.principalEmail"), ids.get("gcp-audit"))).count());
        counts.put("vault-audit", spark.read().json(dir + "/logs/vault/audit-*.log")
                .filter(match(col("request.path"), ids.get("vault-audit"))).count());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder per = new StringBuilder();
        counts.forEach((k, v) -> per.append(per.length() == 0 ? "" : " ").append(k).append('=').append(v));
        System.out.println("matched=" + total + " " + per);
        spark.stop();
    }

    static Column match(Column c, List<String> patterns) {
        Column any = lit(false);
        for (String p : patterns) {
            any = any.or(p.contains("*") ? lower(c).like(p.toLowerCase().replace("%", "\\%").replace("_", "\\_")
                    .replace("*", "%")) : lower(c).equalTo(p.toLowerCase()));
        }
        return any;
    }

    /** source type -> identity and sealed-secret patterns, read by Sealwatch's own loader (this runs on its jars). */
    static Map<String, List<String>> identities(Path yaml) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (AccountSpec a : ConfigLoader.load(yaml, false).accounts()) {
            Stream.concat(a.identities().stream(), a.sealedSecrets().stream())
                    .forEach(m -> out.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(m.match()));
        }
        return out;
    }
}
