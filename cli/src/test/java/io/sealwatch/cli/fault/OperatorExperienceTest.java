package io.sealwatch.cli.fault;

import io.sealwatch.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator meets first: help with examples everywhere, shell completion, {@code -v}, usage errors. */
class OperatorExperienceTest {

    @Test
    void everyCommandsHelpEndsWithExamples() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), commands);
        assertTrue(commands.size() >= 12, commands.toString());
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            FaultKit.Cli help = FaultKit.cli(args.toArray(String[]::new));
            String name = path.isEmpty() ? "sealwatch" : "sealwatch " + String.join(" ", path);
            assertEquals(0, help.exit(), name + " --help");
            assertTrue(help.out().startsWith("Usage: " + name), name + ":\n" + help.out());
            assertTrue(help.out().contains("\nExample"), name + " --help has an Examples footer:\n" + help.out());
        }
    }

    @Test
    void generateCompletionPrintsABashScript() {
        FaultKit.Cli completion = FaultKit.cli("generate-completion");
        assertEquals(0, completion.exit());
        assertTrue(completion.out().startsWith("#!/usr/bin/env bash"), completion.out());
        assertTrue(completion.out().contains("complete -F _complete_sealwatch"), "registers the completion function");
        for (String command : List.of("run", "verify", "validate", "demo", "rules", "keys", "review", "generate")) {
            assertTrue(completion.out().contains(command), command + " completes");
        }
    }

    @Test
    void verboseIsAcceptedWhereAJobRuns() {
        for (String command : List.of("run", "demo")) {
            CommandLine cli = new CommandLine(new Main());
            List<String> args = new ArrayList<>(List.of(command, "-v"));
            if (command.equals("run")) {
                args.addAll(List.of("-c", "sealwatch.yaml"));
            }
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            assertTrue(parsed.subcommand().hasMatchedOption("-v"), command);
        }
    }

    @Test
    void usageErrorsExit2WithOneSentenceAndAHint() {
        FaultKit.Cli unknown = FaultKit.cli("run", "--no-such-option");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Try 'sealwatch run --help'."), unknown.err());
        FaultKit.Cli quarter = FaultKit.cli("run", "-c", "x.yaml", "--quarter", "2026-Q5", "--no-sign");
        assertEquals(2, quarter.exit());
        assertTrue(quarter.err().contains("--quarter '2026-Q5'"), quarter.err());
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return;   // an alias of a command already listed
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, out);
        });
    }
}
