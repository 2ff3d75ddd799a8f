package io.sealwatch.samples.scenarios;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import io.sealwatch.samples.internal.JsonValues;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The two spellings of JSON in the scenario inputs: compact (one event per line, a CloudTrail delivery file) and
 * indented by two spaces with {@code "key": value} (a REST export page, as {@code curl | jq}-style tools save it).
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    static String compact(Object tree) {
        return write(tree, null);
    }

    /** Each entry on its own line, two spaces deeper than its container; empty containers stay {@code {}}, {@code []}. */
    static String indented(Object tree) {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return write(tree, new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indent).withArrayIndenter(indent));
    }

    private static String write(Object tree, PrettyPrinter printer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            JsonValues.write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
