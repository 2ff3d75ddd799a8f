package io.sealwatch.rules;

import java.util.List;

/**
 * Renders the rule catalogue ({@code docs/rules.md}) from the rules' own metadata, so the page can
 * never drift from the pack. Regenerate with
 * {@code mvn -o -q -pl rules test -Dtest=RulePackTest -Dgolden.update=true}.
 */
public final class RuleDocs {

    private RuleDocs() {
    }

    public static String markdown(List<RuleMeta> rules) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated — do not edit: produced by io.sealwatch.rules.RuleDocs from the rules' metadata;\n")
                .append("     regenerate with: mvn -o -q -pl rules test -Dtest=RulePackTest -Dgolden.update=true -->\n\n")
                .append("# Rule catalogue\n\n")
                .append("Every rule of the bundled pack, from the metadata annotations of its `.drl` file ")
                .append("(`sealwatch rules list` / `sealwatch rules explain ID` show the same). ")
                .append("Placeholders in braces in a message are filled per finding. ")
                .append("How the rules judge and how to add your own: [writing-rules.md](writing-rules.md).\n\n")
                .append("| id | severity | title |\n|---|---|---|\n");
        for (RuleMeta r : rules) {
            md.append("| [`").append(r.id()).append("`](#").append(r.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(r.severity().wire()).append(" | ").append(cell(r.title())).append(" |\n");
        }
        for (RuleMeta r : rules) {
            md.append("\n## ").append(r.id()).append("\n\n")
                    .append("**").append(r.title()).append("** — severity **").append(r.severity().wire())
                    .append("**, since ").append(r.since()).append(", file `").append(r.file()).append("`\n\n")
                    .append(r.rationale()).append("\n\n")
                    .append("- Message: `").append(r.message()).append("`\n")
                    .append("- Controls: ").append(String.join("; ", r.controls())).append("\n")
                    .append("- Example: ").append(r.example()).append("\n");
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
