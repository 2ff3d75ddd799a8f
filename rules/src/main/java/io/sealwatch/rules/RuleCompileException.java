package io.sealwatch.rules;

/**
 * A rule file that does not compile or whose metadata is unusable. The message names the
 * {@code .drl} file and line, so the CLI can print it as is (exit 2).
 */
public final class RuleCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public RuleCompileException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The {@code .drl} resource or path. */
    public String file() {
        return file;
    }

    /** The line in {@link #file()}, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }
}
