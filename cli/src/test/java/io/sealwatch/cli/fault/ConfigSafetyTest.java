package io.sealwatch.cli.fault;

import io.sealwatch.cli.base.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A config that is no config, or one that would quietly weaken a rule, stops every command with exit 2. */
class ConfigSafetyTest {
    @TempDir
    Path tmp;

    private static void refused(FaultKit.Cli cli, String expected) {
        assertEquals(ExitCode.USAGE.code(), cli.exit(), cli.err());
        assertTrue(cli.err().contains(expected), "expected '" + expected + "' in:\n" + cli.err());
        assertTrue(!cli.err().contains("Exception") && !cli.err().contains("\tat "), "no stack trace:\n" + cli.err());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void devicesPipesAndHugeFilesAreRefusedWithoutReadingThem() throws Exception {
        refused(FaultKit.cli("validate", "-c", "/dev/zero"), "/dev/zero: not a regular file");
        refused(FaultKit.run(Path.of("/dev/zero"), tmp.resolve("out")), "/dev/zero: not a regular file");
        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(10L << 20);
        }
        refused(FaultKit.cli("validate", "-c", huge.toString()), huge + ": larger than 1 MiB");
        Path fifo = tmp.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        refused(FaultKit.cli("validate", "-c", fifo.toString()), fifo + ": not a regular file");
    }

    @Test
    void aQuorumOfZeroNamesItsKeyAndLine() throws Exception {
        Path config = FaultKit.config(tmp, "");
        String yaml = Files.readString(config).replace("quorum: 2", "quorum: 0");
        Files.writeString(config, yaml);
        int line = yaml.lines().toList().indexOf("    quorum: 0") + 1;
        refused(FaultKit.cli("validate", "-c", config.toString()),
                config + ":" + line + ": accounts[aws-root-breakglass].quorum: quorum 0 is below 1");
    }
}
