package io.sealwatch.config;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A config test whose cases append sections to one base {@code sealwatch.yaml}: the folder and the two ways of
 * reading base + sections (loaded, or its errors) are declared here once instead of in each such test.
 */
abstract class ConfigSectionsCase {
    @TempDir
    Path dir;

    private final String base;

    ConfigSectionsCase(String base) {
        this.base = base;
    }

    /**
     * Example Corp with a CloudTrail source and then {@code sources} (flow-style entries), and one account watched
     * in CloudTrail, with {@code accountKeys} (lines indented as the account's keys) after its identities.
     */
    static String config(List<String> sources, String accountKeys) {
        StringBuilder b = new StringBuilder("""
                organization: Example Corp
                sources:
                  - { type: aws-cloudtrail, path: "logs/*.json" }
                """);
        sources.forEach(s -> b.append("  - ").append(s).append('\n'));
        return b.append("""
                accounts:
                  - id: aws-root-breakglass
                    identities:
                      - { source: aws-cloudtrail, match: "arn:aws:iam::111122223333:user/breakglass-admin" }
                """).append(accountKeys).append("""
                    custodians: [alice@example.com]
                    quorum: 1
                """).toString();
    }

    SealwatchConfig load(String sections) throws IOException, ConfigException {
        return new ConfigFiles(dir).load(base + sections);
    }

    List<String> errors(String sections) {
        return new ConfigFiles(dir).errors(base + sections);
    }
}
