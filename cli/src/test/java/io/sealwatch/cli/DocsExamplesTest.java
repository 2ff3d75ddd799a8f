package io.sealwatch.cli;

import io.sealwatch.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples in the README and docs/ stay true: every {@code sealwatch} command line in a bash
 * block parses with the real command line, and every complete configuration block loads.
 */
class DocsExamplesTest {
    static final Path ROOT = Path.of(System.getProperty("sealwatch.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void everyCommandLineInTheDocsParses() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Path doc : docs()) {
            for (String block : blocks(doc, "bash")) {
                for (String line : block.replace("\\\n", " ").split("\n")) {
                    String cmd = line.replaceAll("#.*$", "").trim();
                    int at = cmd.indexOf("sealwatch ");
                    if (at >= 0 && (at == 0 || cmd.charAt(at - 1) == '/' || cmd.charAt(at - 1) == ' ')) {
                        commands.add(doc.getFileName() + ": " + cmd.substring(at));
                    }
                }
            }
        }
        assertTrue(commands.size() >= 15, "expected the docs to show commands, found " + commands);
        for (String c : commands) {
            String[] args = c.substring(c.indexOf(": ") + 2).split("\\s+");
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            assertDoesNotThrow(() -> new CommandLine(new Main()).parseArgs(rest), c);
        }
    }

    /**
     * The README's command table names every command the tool has, down to subcommands ({@code rules list}), and
     * no command it lacks: the leading lower-case words of each code span in a row's first cell.
     */
    @Test
    void theReadmeNamesEveryCommandAndNoOther() throws IOException {
        Set<String> named = new TreeSet<>();
        boolean inTable = false;
        Pattern command = Pattern.compile("`([a-z][a-z-]*(?: [a-z][a-z-]*)*)");
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            inTable = line.startsWith("| command |") || inTable && line.startsWith("|");
            if (inTable && line.startsWith("| `")) {
                command.matcher(line.split(" \\| ", 2)[0]).results().forEach(m -> named.add(m.group(1)));
            }
        }
        Set<String> existing = new TreeSet<>();
        leaves("", new CommandLine(new Main()), existing);
        assertEquals(existing, named, "commands in the README's table vs the tool's commands");
    }

    /** The commands under {@code parent} that do something themselves: those without subcommands. */
    private static void leaves(String prefix, CommandLine parent, Set<String> out) {
        parent.getSubcommands().forEach((name, sub) -> {
            if (sub.getSubcommands().isEmpty()) {
                out.add(prefix + name);
            } else {
                leaves(prefix + name + " ", sub, out);
            }
        });
    }

    @Test
    void everyConfigurationInTheDocsLoads() throws Exception {
        int loaded = 0;
        for (String block : configurationsInTheDocs()) {
            Path f = tmp.resolve("c" + loaded + ".yaml");
            Files.writeString(f, block);
            ConfigLoader.load(f, false);
            loaded++;
        }
        assertTrue(loaded >= 1, "the user guide shows a configuration");
        // the reference's complete example must stay a block this test loads (it starts with organization:)
        assertTrue(blocks(ROOT.resolve("docs/configuration.md"), "yaml").stream().anyMatch(b -> b.startsWith("organization:")),
                "docs/configuration.md shows a complete configuration");
    }

    /** Every complete configuration (a yaml block starting with {@code organization:}) in the README and docs/. */
    static List<String> configurationsInTheDocs() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path doc : docs()) {
            blocks(doc, "yaml").stream().filter(b -> b.startsWith("organization:")).forEach(out::add);
        }
        return out;
    }

    private static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    private static List<String> blocks(Path doc, String lang) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(doc)) {
            String t = line.strip();
            if (current == null && t.equals("```" + lang)) {
                current = new StringBuilder();
            } else if (current != null && t.equals("```")) {
                out.add(current.toString().stripIndent());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return out;
    }
}
