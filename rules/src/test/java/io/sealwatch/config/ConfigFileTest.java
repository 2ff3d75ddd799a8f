package io.sealwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A config file that is no config — device, pipe, huge, a bomb, not UTF-8 — is refused in one sentence. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private static String refusal(Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0).toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void devicesPipesAndFoldersAreNotRead() throws Exception {
        assertEquals("/dev/zero: not a regular file", refusal(Path.of("/dev/zero")));
        assertEquals(dir + ": not a regular file", refusal(dir));
        assertEquals(dir.resolve("absent.yaml") + ": no such file", refusal(dir.resolve("absent.yaml")));
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        // opening a FIFO without a writer would block: the timeout fails the test if the loader does
        assertEquals(fifo + ": not a regular file", refusal(fifo));
    }

    @Test
    void aFileOverTheCapIsRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(10L << 20);
        }
        assertEquals(huge + ": larger than 1 MiB; a config is a few kilobytes", refusal(huge));
        Path justFits = write("fits.yaml", ("organization: x\n#" + "-".repeat(ConfigFile.MAX_BYTES - 18) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(ConfigFile.MAX_BYTES, Files.size(justFits));
        assertEquals(justFits + ":1: sources: missing required key 'sources'", firstOf(justFits));
    }

    private static String firstOf(Path file) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).errors().get(0).toString();
    }

    @Test
    void aBillionLaughsIsRefusedAtItsLine() throws Exception {
        StringBuilder yaml = new StringBuilder("organization: x\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("lol").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
        Path bomb = write("bomb.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        // 9 aliases a line: the 51st is on line 8
        assertEquals(bomb + ":8: refused: Number of aliases for non-scalar nodes exceeds the specified max="
                + ConfigFile.MAX_ALIASES, refusal(bomb));
    }

    @Test
    void deepNestingIsRefusedAtItsLine() throws Exception {
        Path deep = write("deep.yaml", ("organization: x\nsources: " + "[".repeat(100) + "]".repeat(100) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(deep + ":2: refused: Nesting Depth exceeded max " + ConfigFile.MAX_NESTING, refusal(deep));
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLineAndOffset() throws Exception {
        byte[] latin1 = "organization: Soci\u00e9t\u00e9\nsources: []\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = write("latin1.yaml", latin1);
        assertEquals(f + ":1: not UTF-8: byte 0xE9 at byte offset 18 cannot be decoded; save the file as UTF-8",
                refusal(f));
        byte[] late = "organization: x\nsources: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path g = write("late.yaml", late);
        assertEquals(g + ":3: not UTF-8: byte 0xE9 at byte offset 33 cannot be decoded; save the file as UTF-8",
                refusal(g));
    }

    @Test
    void aControlCharacterNamesItsLine() throws Exception {
        Path f = write("nul.yaml", "organization: x\nsources: []\ntimezone: U\u0000TC\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(f + ":3: not valid YAML: character U+0000 is not allowed in YAML", refusal(f));
    }

    @Test
    void twoDocumentsNameTheSecond() throws Exception {
        Path f = write("two.yaml", "organization: x\n---\norganization: y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(f + ":2: not valid YAML: expected a single document in the stream, but found another document",
                refusal(f));
    }
}
