package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.rules.RuleEngine;
import io.sealwatch.rules.RuleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code sealwatch rules list|explain}: the catalogue, from the rules' own metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "The rule catalogue.",
        footer = {"", "Examples:", "  sealwatch rules list", "  sealwatch rules explain BG-APPROVAL-MISSING"},
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class})
public final class RulesCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    /** Every rule: id, severity, title. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every rule.",
            footer = {"", "Example:", "  sealwatch rules list"})
    public static final class ListRules implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            List<RuleMeta> rules = RuleEngine.load(List.of()).rules();
            for (RuleMeta r : rules) {
                System.out.printf("%-26s %-9s %s%n", r.id(), r.severity().wire(), r.title());
            }
            return ExitCode.OK.code();
        }
    }

    /** One rule in full. */
    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one rule.",
            footer = {"", "Example:", "  sealwatch rules explain BG-SELF-APPROVAL"})
    public static final class Explain implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RULE-ID")
        String id;

        @Override
        public Integer call() throws Exception {
            RuleMeta r = RuleEngine.load(List.of()).rule(id).orElse(null);
            if (r == null) {
                System.err.println("sealwatch rules explain: no rule '" + id + "' (see 'sealwatch rules list')");
                return ExitCode.USAGE.code();
            }
            System.out.println(r.id() + " — " + r.title());
            System.out.println("severity:  " + r.severity().wire());
            System.out.println("since:     " + r.since());
            System.out.println();
            System.out.println("Why it matters");
            System.out.println("  " + r.rationale());
            System.out.println();
            System.out.println("Message");
            System.out.println("  " + r.message());
            System.out.println();
            System.out.println("Controls");
            r.controls().forEach(c -> System.out.println("  - " + c));
            System.out.println();
            System.out.println("Example");
            System.out.println("  " + r.example());
            return ExitCode.OK.code();
        }
    }
}
