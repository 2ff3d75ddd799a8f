package io.sealwatch.reports.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Report templates compiled at build time: {@link #main} (the build's {@code process-classes}) compiles
 * each JRXML resource into a {@code .jasper} beside it, and {@link JasperPdf.Template} loads that instead
 * of compiling the JRXML at every start (about a second of one core: parsing, expression classes through
 * JDT). A JRXML without its {@code .jasper} (a build that skipped the step) is compiled as before.
 */
public final class PrecompiledTemplates {
    private PrecompiledTemplates() {
    }

    /** Build step: {@code args[0]} is the classes folder, the rest JRXML resource paths in it. */
    public static void main(String[] args) throws JRException, IOException {
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path jrxml = classes.resolve(args[i]);
            try (InputStream in = Files.newInputStream(jrxml)) {
                JRSaver.saveObject(JasperCompileManager.compileReport(in), compiledName(jrxml.toString()));
            }
        }
    }

    /** The template {@code name} next to {@code anchor}: its {@code .jasper} if the build made one, else compiled. */
    static JasperReport load(Class<?> anchor, String name) throws JRException, IOException {
        try (InputStream compiled = anchor.getResourceAsStream(compiledName(name))) {
            if (compiled != null) {
                return (JasperReport) JRLoader.loadObject(compiled);
            }
        }
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the class path");
            }
            return JasperCompileManager.compileReport(in);
        }
    }

    private static String compiledName(String jrxml) {
        return jrxml.replaceFirst("\\.jrxml$", "") + ".jasper";
    }
}
