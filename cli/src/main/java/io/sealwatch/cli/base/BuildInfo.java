package io.sealwatch.cli.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build, filtered in by Maven: the engine version and the JVM flags Spark needs. */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPS.getProperty("version");
    }

    public static String jvmFlags() {
        return PROPS.getProperty("jvm.flags");
    }

    private static Properties load() {
        Properties p = new Properties();
        // absolute: the file stays where the ./sealwatch launcher and docs/deploying.md read it
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/sealwatch/cli/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
