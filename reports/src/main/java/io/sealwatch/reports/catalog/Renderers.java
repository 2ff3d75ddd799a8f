package io.sealwatch.reports.catalog;

import io.sealwatch.result.Renderer;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.reports.json.OcsfRenderer;
import io.sealwatch.reports.json.QuarantineRenderer;
import io.sealwatch.reports.json.RunJsonRenderer;
import io.sealwatch.reports.pdf.PdfRenderer;
import io.sealwatch.reports.review.ReviewPdfRenderer;
import io.sealwatch.reports.review.ReviewXlsxRenderer;
import io.sealwatch.reports.xlsx.XlsxRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The renderer registry by format name; a package of its own because it names every renderer, which all depend
 * on the {@code Renderer} contract above them. {@link #run()} is the set a nightly/quarterly run writes;
 * other sets (e.g. the annual review's) register their own names here and pick them with {@link #of}.
 * Renderers of other modules (the engine's Parquet tables, which need libraries {@code reports} must not see) are
 * found through {@link ServiceLoader} and belong to the run's set: a bundle has them when their module is there.
 */
public final class Renderers {

    private static final Map<String, Supplier<Renderer>> REGISTRY = new LinkedHashMap<>();

    static {
        register(FindingsJsonRenderer.NAME, FindingsJsonRenderer::new);
        register(EpisodesJsonRenderer.NAME, EpisodesJsonRenderer::new);
        register(RunJsonRenderer.NAME, RunJsonRenderer::new);
        register(OcsfRenderer.NAME, OcsfRenderer::new);
        register(XlsxRenderer.NAME, XlsxRenderer::new);
        register(PdfRenderer.NAME, PdfRenderer::new);
        register(ReviewXlsxRenderer.NAME, ReviewXlsxRenderer::new);
        register(ReviewPdfRenderer.NAME, ReviewPdfRenderer::new);
        register(QuarantineRenderer.NAME, QuarantineRenderer::new);
    }

    /** The renderers of a {@code run} bundle, in registration order, then those found through the service loader. */
    private static final List<String> RUN = withProvided(List.of(FindingsJsonRenderer.NAME, EpisodesJsonRenderer.NAME,
            RunJsonRenderer.NAME, OcsfRenderer.NAME, XlsxRenderer.NAME, PdfRenderer.NAME, QuarantineRenderer.NAME));
    /** The renderers of a {@code review} bundle. */
    private static final List<String> REVIEW = List.of(ReviewXlsxRenderer.NAME, ReviewPdfRenderer.NAME);

    private Renderers() {
    }

    /** {@code names} and the renderers of {@code META-INF/services/io.sealwatch.result.Renderer}, registered. */
    private static List<String> withProvided(List<String> names) {
        List<String> out = new ArrayList<>(names);
        for (ServiceLoader.Provider<Renderer> p : ServiceLoader.load(Renderer.class, Renderers.class.getClassLoader())
                .stream().toList()) {
            String name = p.get().name();
            register(name, p::get);
            out.add(name);
        }
        return List.copyOf(out);
    }

    public static synchronized void register(String name, Supplier<Renderer> factory) {
        if (REGISTRY.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("renderer " + name + " is already registered");
        }
    }

    public static synchronized Set<String> names() {
        return Set.copyOf(REGISTRY.keySet());
    }

    public static synchronized Renderer byName(String name) {
        Supplier<Renderer> f = REGISTRY.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown renderer '" + name + "'; known: " + REGISTRY.keySet());
        }
        return f.get();
    }

    public static List<Renderer> of(List<String> names) {
        List<Renderer> out = new ArrayList<>();
        names.forEach(n -> out.add(byName(n)));
        return List.copyOf(out);
    }

    /** Everything {@code sealwatch run} writes. */
    public static List<Renderer> run() {
        return of(RUN);
    }

    /** Everything {@code sealwatch review} writes: the annual review of need, derived from the year's run. */
    public static List<Renderer> review() {
        return of(REVIEW);
    }
}
