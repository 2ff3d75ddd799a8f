package io.sealwatch.samples.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario golden's inputs, as one list. */
final class ScenarioInputs {
    private ScenarioInputs() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>(RuleScenarios.all());
        all.addAll(SourceScenarios.all());
        all.addAll(EdgeScenarios.all());
        Set<String> names = new HashSet<>();
        for (Scenario s : all) {
            if (!names.add(s.name)) {
                throw new IllegalStateException("two scenarios are named " + s.name);
            }
        }
        return all;
    }

    /** Writes every scenario's inputs into its folder under {@code root}. */
    static void writeAll(Path root) throws IOException {
        for (Scenario s : all()) {
            ScenarioFiles.write(s, root);
        }
    }
}
