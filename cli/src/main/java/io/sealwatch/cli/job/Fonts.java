package io.sealwatch.cli.job;

import io.sealwatch.files.FileTrees;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the JDK's font configuration before the reports need it, without its cache. On Linux the JDK
 * writes what fontconfig told it to {@code ~/.java/fonts/<version>/} the first time a process uses
 * fonts; a run must write nothing outside {@code --out} and the state folder, so for that one moment
 * the home folder the JDK sees is a temporary one, removed again. No other thread of the run exists yet.
 */
final class Fonts {
    private static boolean loaded;

    private Fonts() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        String home = System.getProperty("user.home");
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("sealwatch-fonts-");
            System.setProperty("user.home", scratch.toString());
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        } catch (IOException | RuntimeException | Error e) {
            // without fonts the PDF renderer fails later and says so; here nothing is lost
        } finally {
            System.setProperty("user.home", home);
            try {
                if (scratch != null) {
                    FileTrees.delete(scratch);
                }
            } catch (IOException e) {
                // a leftover in the temporary folder, not in the user's files
            }
        }
    }
}
