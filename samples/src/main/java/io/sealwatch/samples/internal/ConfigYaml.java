package io.sealwatch.samples.internal;

import java.util.List;

/** The parts of a {@code sealwatch.yaml} that the generated organisation and the scenario goldens write alike. */
public final class ConfigYaml {
    private ConfigYaml() {
    }

    /** An identity or sealed-secret pattern of an account; {@code credential} may be null. */
    public record Pattern(String source, String match, String credential) {
        public Pattern(String source, String match) {
            this(source, match, null);
        }

        private String yaml() {
            return "{ source: " + source + ", match: \"" + match + "\""
                    + (credential == null ? "" : ", credential: " + credential) + " }";
        }
    }

    /** An entry of {@code accounts:} up to its {@code max-session}, every line ending in a newline. */
    public static String account(String id, String description, List<Pattern> identities, List<Pattern> sealed,
                                 List<String> credentials, List<String> custodians, int quorum, String maxSession) {
        StringBuilder y = new StringBuilder()
                .append("  - id: ").append(id).append('\n')
                .append("    description: ").append(description).append('\n')
                .append("    identities:\n");
        for (Pattern p : identities) {
            y.append("      - ").append(p.yaml()).append('\n');
        }
        if (!sealed.isEmpty()) {
            y.append("    sealed-secrets:\n");
            for (Pattern p : sealed) {
                y.append("      - ").append(p.yaml()).append('\n');
            }
        }
        return y.append("    credentials: [").append(String.join(", ", credentials)).append("]\n")
                .append("    custodians: [").append(String.join(", ", custodians)).append("]\n")
                .append("    quorum: ").append(quorum).append('\n')
                .append("    max-session: ").append(maxSession).append('\n')
                .toString();
    }
}
