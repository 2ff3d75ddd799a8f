package io.sealwatch.reports.signing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code openssl cms -verify} as an independent check of our CMS signatures. */
public final class OpenSsl {

    private OpenSsl() {
    }

    public static int verify(Path p7s, Path content) throws Exception {
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", content.toString(), "-noverify", "-out", "/dev/null")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl did not finish");
        }
        return p.exitValue();
    }
}
