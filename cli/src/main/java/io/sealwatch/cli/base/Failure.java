package io.sealwatch.cli.base;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns a failure of the tool itself into an exit code and one sentence. Exit 1
 * means findings and nothing else, so every failure — an exception, an {@code Error} such as
 * {@link OutOfMemoryError}, an interrupted run — is 3, or 2 for a usage problem; the stack trace is
 * printed only with {@code -v}.
 */
public final class Failure {
    /** Spark's start-up check words its advice for spark-submit users ("--driver-memory"). */
    private static final Pattern SPARK_MEMORY = Pattern.compile("System memory (\\d+) must be at least (\\d+)");
    private static final int MAX_SENTENCE = 400;

    private Failure() {
    }

    /** The exit code for a failure that reached the top of the command line. */
    public static ExitCode exitFor(Throwable t) {
        return t instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INCOMPLETE;
    }

    /** Prints "sealwatch: {@code what} failed: <why>" (and the trace with {@code verbose}); returns the exit code. */
    public static int report(String what, Throwable t, PrintWriter err, boolean verbose) {
        err.println("sealwatch: " + what + ": " + describe(t));
        if (verbose) {
            t.printStackTrace(err);
        } else {
            err.println("(run again with -v for the details)");
        }
        err.flush();
        return exitFor(t).code();
    }

    /** One sentence for a failure: its most telling message, never a stack trace. */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "out of memory (the JVM may use at most " + heapMb() + " MB); give it more, e.g. "
                        + "JAVA_OPTS=-Xmx4g, or read fewer files per run";
            }
            Matcher m = c.getMessage() == null ? null : SPARK_MEMORY.matcher(c.getMessage());
            if (m != null && m.find()) {
                return "the JVM may use at most " + Long.parseLong(m.group(1)) / (1 << 20) + " MB, and Spark needs at least "
                        + Long.parseLong(m.group(2)) / (1 << 20) + " MB; give it more, e.g. JAVA_OPTS=-Xmx2g";
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root
                && (root.getMessage() == null || root.getMessage().contains(root.getCause().getClass().getName()))) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String sentence = message == null || message.isBlank()
                ? describeClass(root)
                : message.lines().filter(l -> !l.isBlank()).findFirst().orElse(describeClass(root)).strip();
        return sentence.length() > MAX_SENTENCE ? sentence.substring(0, MAX_SENTENCE) + "…" : sentence;
    }

    private static String describeClass(Throwable t) {
        return "an internal error (" + t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT) + ")";
    }

    private static long heapMb() {
        return Runtime.getRuntime().maxMemory() / (1 << 20);
    }
}
