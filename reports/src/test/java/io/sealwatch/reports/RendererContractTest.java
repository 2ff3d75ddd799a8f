package io.sealwatch.reports;

import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one contract every registered renderer passes: files produced, nothing else left, stable bytes. */
class RendererContractTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Supplier<RunResult>> runs = List.of(Fixtures::empty, Fixtures::oneFinding, Fixtures::many);
        List<String> names = List.of("empty", "one", "many");
        return Renderers.names().stream().sorted().flatMap(r -> Stream.of(0, 1, 2)
                .map(i -> Arguments.of(r, names.get(i), runs.get(i))));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void producesItsFilesDeterministically(String name, String fixture, Supplier<RunResult> run) throws Exception {
        Renderer renderer = Renderers.byName(name);
        assertEquals(name, renderer.name());
        RunResult r = run.get();
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        renderer.render(r, a);
        renderer.render(run.get(), b);
        try (Stream<Path> s = Files.walk(a)) {
            assertEquals(renderer.files(r).stream().sorted().toList(), s.filter(Files::isRegularFile)
                    .map(p -> a.relativize(p).toString().replace('\\', '/')).sorted().toList(),
                    "only the declared files, no temp left");
        }
        for (String f : renderer.files(r)) {
            byte[] first = Files.readAllBytes(a.resolve(f));
            assertTrue(first.length > 0 || r.evaluation().findings().isEmpty(), f + " is empty");
            assertArrayEquals(first, Files.readAllBytes(b.resolve(f)), f + " differs between two renders");
        }
    }
}
