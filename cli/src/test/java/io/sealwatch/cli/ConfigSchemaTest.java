package io.sealwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/sealwatch.schema.json, the JSON Schema editors use, agrees with the loader: every configuration
 * the project ships (the docs, the demo, the scenario goldens) meets it, and the reference's complete
 * example — which the loader loads ({@link DocsExamplesTest}) — uses every key the schema knows.
 */
class ConfigSchemaTest {
    private static final Path ROOT = DocsExamplesTest.ROOT;

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(ROOT.resolve("docs/sealwatch.schema.json")), InputFormat.JSON);
    }

    @Test
    void everyShippedConfigurationMeetsTheSchema() throws IOException {
        Schema schema = schema();
        List<String> problems = new ArrayList<>();
        List<Path> configs = shipped();
        assertTrue(configs.size() > 50, "the demo and the scenario goldens are found: " + configs.size());
        for (Path config : configs) {
            schema.validate(Files.readString(config), InputFormat.YAML)
                    .forEach(e -> problems.add(ROOT.relativize(config) + ": " + e.getMessage()));
        }
        for (String block : DocsExamplesTest.configurationsInTheDocs()) {
            schema.validate(block, InputFormat.YAML).forEach(e -> problems.add("docs: " + e.getMessage()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSchemaRefusesWhatTheLoaderRefuses() throws IOException {
        Schema schema = schema();
        String good = DocsExamplesTest.configurationsInTheDocs().stream()
                .filter(b -> b.contains("watch:")).findFirst().orElseThrow();
        assertEquals(List.of(), schema.validate(good, InputFormat.YAML));
        for (String bad : List.of(
                good.replace("organization:", "organisation:"),           // unknown key
                good.replace("type: okta-system-log", "type: okta"),       // unknown source type
                good.replace("episode-gap: PT1H", "episode-gap: 1h"),      // not a duration
                good.replace("quorum: 2", "quorum: 0"),
                good.replace("min-severity: medium", "min-severity: urgent"),
                good.replace("routing-key-env: SEALWATCH_PD_KEY", "secret-env: SEALWATCH_PD_KEY"))) {
            List<Error> errors = schema.validate(bad, InputFormat.YAML);
            assertFalse(errors.isEmpty(), "the schema accepts:\n" + bad);
        }
    }

    @Test
    void theCompleteExampleUsesEveryKeyOfTheSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ROOT.resolve("docs/sealwatch.schema.json").toFile());
        Set<String> known = new TreeSet<>();
        schema.findValues("properties").forEach(p -> p.fieldNames().forEachRemaining(known::add));
        String example = DocsExamplesTest.configurationsInTheDocs().stream()
                .filter(b -> b.contains("watch:")).findFirst().orElseThrow();
        Set<String> missing = new TreeSet<>();
        for (String key : known) {
            if (!example.matches("(?s)(.*[\\s{,])?" + key.replace("-", "\\-") + ":.*")) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing, "keys of the schema the reference's complete example does not show");
    }

    /** The demo's configuration and every scenario golden's. */
    private static List<Path> shipped() throws IOException {
        List<Path> out = new ArrayList<>(List.of(
                ROOT.resolve("samples/src/main/resources/io/sealwatch/samples/example-corp/sealwatch.yaml")));
        try (Stream<Path> s = Files.list(ROOT.resolve("samples/scenarios"))) {
            s.map(d -> d.resolve("sealwatch.yaml")).filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }
}
