package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.reports.signing.KeyTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code sealwatch keys init}. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Signing keys.",
        footer = {"", "Example:", "  SEALWATCH_KEY_PASSWORD=change-me sealwatch keys init --out keys"},
        subcommands = KeysCommand.Init.class)
public final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    /** Makes a self-signed trial key. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Make a self-signed signing key and certificate, DIR/sealwatch.p12 (PKCS#12), protected "
                    + "by the password in SEALWATCH_KEY_PASSWORD. For trials: use your organisation's key for real "
                    + "evidence.",
            footer = {"", "Example:", "  SEALWATCH_KEY_PASSWORD=change-me sealwatch keys init --out keys"})
    public static final class Init implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--out", required = true, description = "folder for sealwatch.p12")
        Path out;

        @Override
        public Integer call() throws Exception {
            String password = System.getenv("SEALWATCH_KEY_PASSWORD");
            if (password == null || password.isEmpty()) {
                System.err.println("sealwatch keys init: set SEALWATCH_KEY_PASSWORD to the password for the new key");
                return ExitCode.USAGE.code();
            }
            if (java.nio.file.Files.exists(out.resolve("sealwatch.p12"))) {
                System.err.println("sealwatch keys init: " + out.resolve("sealwatch.p12")
                        + " exists; refusing to overwrite a key");
                return ExitCode.USAGE.code();
            }
            Path p12 = KeyTool.init(out, password.toCharArray());
            System.err.println("wrote " + p12 + " (alias sealwatch, self-signed, for trials)");
            return ExitCode.OK.code();
        }
    }
}
