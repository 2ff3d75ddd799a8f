package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.generate.Plan.Planted;
import io.sealwatch.samples.internal.Iso;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code sealwatch generate}: a realistic multi-source organisation with planted break-glass episodes.
 * <p>
 * Streaming by design: only the plan (a few hundred planted records) and per-hour counts are held in
 * memory; every file is written record by record, one day of files at a time. Deterministic: each file's
 * content depends only on the seed and the file's name, so files can be written in parallel and the same
 * seed gives the same bytes (gzip with mtime 0).
 */
public final class Generator {
    /** What was written. */
    public record Summary(Path config, Path expectedFindings, Instant from, Instant to, long events, long files,
                          int episodes, int expected) {
    }

    private static final long HOUR = 3_600_000L;
    /** Relative activity per UTC hour of day (a European company with a US presence). */
    private static final int[] DIURNAL = {2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 10, 11, 12, 12, 11, 10, 8, 7, 6, 5, 4, 3};
    /** No separator between root values: JSON-lines files put a newline after each record themselves. */
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private final GeneratorOptions options;
    private final long seed;
    private final Plan plan;
    private final long from;
    private final int hours;
    private final Map<String, List<Planted>> plantedByFile = new HashMap<>();
    private final Map<String, CloudTrail> trails = new HashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong files = new AtomicLong();

    private Generator(GeneratorOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.from = options.start().toEpochMilli();
        long to = options.end().toEpochMilli();
        this.hours = (int) ((to - from) / HOUR);
        this.plan = Plan.build(seed, from, to);
        for (Planted p : plan.planted) {
            plantedByFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        }
        plantedByFile.values().forEach(l -> l.sort(Comparator.comparingLong(Planted::time)
                .thenComparingInt(Planted::seq)));
        for (Org.AwsAccount a : Org.AWS) {
            trails.put(a.id(), new CloudTrail(a));
        }
    }

    public static Summary generate(GeneratorOptions options) throws IOException {
        return new Generator(options).run();
    }

    private Summary run() throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        long noise = options.events() - plan.planted.size();
        double[] shares = Arrays.stream(Source.values()).mapToDouble(s -> s.perMille).toArray();
        long[] perSource = allocate(noise, shares);
        int[][] hourly = new int[Source.values().length][];
        for (Source s : Source.values()) {
            hourly[s.ordinal()] = toInts(allocate(perSource[s.ordinal()], hourWeights(s)));
        }
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int day = 0; day * 24 < hours; day++) {
                runAll(pool, dayTasks(day, hourly));
            }
        } finally {
            pool.shutdownNow();
        }
        Outputs.evidence(out.resolve(Layout.EVIDENCE), plan.evidence);
        Outputs.config(out.resolve(Layout.CONFIG), options);
        Outputs.expected(out.resolve(Layout.EXPECTED), plan.expected);
        Outputs.episodes(out.resolve(Layout.EPISODES), plan.episodes);
        return new Summary(out.resolve(Layout.CONFIG), out.resolve(Layout.EXPECTED), options.start(), options.end(),
                written.get(), files.get() + 4, plan.episodes.size(), plan.expected.size());
    }

    /** One output file: its per-hour noise counts from {@code firstHour} and its planted records. */
    private record Task(Source source, String file, long firstHour, int[] counts, CloudTrail trail, String region,
                        List<Planted> planted) {
        long size() {
            return Arrays.stream(counts).sum() + planted.size();
        }
    }

    private List<Task> dayTasks(int day, int[][] hourly) {
        List<Task> tasks = new ArrayList<>();
        int h0 = day * 24;
        int h1 = Math.min(hours, h0 + 24);
        long dayStart = from + h0 * HOUR;
        for (Source s : Source.values()) {
            if (s == Source.CLOUDTRAIL) {
                continue;
            }
            String file = s.dailyFile(Iso.day(dayStart));
            tasks.add(task(s, file, dayStart, Arrays.copyOfRange(hourly[s.ordinal()], h0, h1), null, null));
        }
        double[] fileWeights = cloudTrailFileWeights();
        for (int h = h0; h < h1; h++) {
            long hourStart = from + h * HOUR;
            long[] split = allocate(hourly[Source.CLOUDTRAIL.ordinal()][h], fileWeights);
            int k = 0;
            for (Org.AwsAccount a : Org.AWS) {
                for (String region : a.regions()) {
                    String file = Layout.cloudTrail(seed, a, region, hourStart);
                    tasks.add(task(Source.CLOUDTRAIL, file, hourStart, new int[]{(int) split[k++]}, trails.get(a.id()),
                            region));
                }
            }
        }
        tasks.removeIf(t -> t.size() == 0);
        tasks.sort(Comparator.comparingLong(Task::size).reversed());
        return tasks;
    }

    private Task task(Source s, String file, long firstHour, int[] counts, CloudTrail trail, String region) {
        return new Task(s, file, firstHour, counts, trail, region, plantedByFile.getOrDefault(file, List.of()));
    }

    private void runAll(ExecutorService pool, List<Task> tasks) throws IOException {
        List<Future<Void>> futures = new ArrayList<>();
        for (Task t : tasks) {
            Callable<Void> c = () -> {
                write(t);
                return null;
            };
            futures.add(pool.submit(c));
        }
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new IllegalStateException("generating failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while generating", e);
            }
        }
    }

    private void write(Task t) throws IOException {
        Rand r = new Rand(seed, Rand.key(t.file));
        boolean vault = t.source == Source.VAULT;
        int lines = Arrays.stream(t.counts).sum();
        // Vault writes a request and its response: one slot is a pair of lines (plus a lone request if odd).
        int slots = vault ? lines / 2 + lines % 2 : lines;
        long[] times = new long[slots];
        int i = 0;
        for (int k = 0; k < t.counts.length; k++) {
            int inHour = vault ? (k == t.counts.length - 1 ? slots - i : t.counts[k] / 2) : t.counts[k];
            inHour = Math.min(inHour, slots - i);
            for (int j = 0; j < inHour; j++) {
                times[i++] = t.firstHour + k * HOUR + r.nextInt((int) HOUR);
            }
        }
        Arrays.sort(times, 0, i);
        Path path = options.out().resolve(t.file);
        Files.createDirectories(path.getParent());
        try (OutputStream os = open(path, t.source.gzip());
             JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8)) {
            boolean records = t.source == Source.CLOUDTRAIL;
            if (records) {
                g.writeStartObject();
                g.writeArrayFieldStart("Records");
            }
            List<Planted> planted = t.planted;
            int p = 0;
            for (int n = 0; n < i; n++) {
                long time = times[n];
                while (p < planted.size() && planted.get(p).time() <= time) {
                    writePlanted(g, planted.get(p++), records);
                }
                switch (t.source) {
                    case CLOUDTRAIL -> t.trail.noise(g, r, time, t.region);
                    case OKTA -> Okta.noise(g, r, time);
                    case ENTRA_SIGNIN -> Entra.signInNoise(g, r, time);
                    case ENTRA_AUDIT -> Entra.auditNoise(g, r, time);
                    case GCP -> Gcp.noise(g, r, time);
                    case VAULT -> {
                        long pairSeed = r.nextLong();
                        Vault.noise(g, new Rand(seed, pairSeed), time, false);
                        if (n < lines / 2) {
                            g.writeRaw('\n');
                            Vault.noise(g, new Rand(seed, pairSeed), time + 3 + (pairSeed & 31), true);
                        }
                    }
                }
                if (!records) {
                    g.writeRaw('\n');
                }
            }
            while (p < planted.size()) {
                writePlanted(g, planted.get(p++), records);
            }
            if (records) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        written.addAndGet(lines + t.planted.size());
        files.incrementAndGet();
    }

    private void writePlanted(JsonGenerator g, Planted p, boolean records) throws IOException {
        p.body().write(g, new Rand(seed, Rand.key("planted/" + p.seq())));
        if (!records) {
            g.writeRaw('\n');
        }
    }

    /** gzip at speed level 1 (generation is the bottleneck, not disk), with mtime 0 as Java always writes it. */
    private static OutputStream open(Path path, boolean gzip) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        if (!gzip) {
            return new BufferedOutputStream(file, 1 << 16);
        }
        return new GZIPOutputStream(file, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private double[] hourWeights(Source s) {
        double[] w = new double[hours];
        for (int h = 0; h < hours; h++) {
            long t = from + h * HOUR;
            if (s == Source.GCP && t >= plan.outageFrom && t < plan.outageTo) {
                continue;
            }
            int hourOfDay = (int) Math.floorMod(t / HOUR, 24L);
            int dow = (int) Math.floorMod(Math.floorDiv(t, 86_400_000L) + 3, 7L); // 0 = Monday
            boolean weekend = dow >= 5;
            if (s == Source.CLOUDTRAIL || s == Source.VAULT) {
                w[h] = (8 + DIURNAL[hourOfDay]) * (weekend ? 0.7 : 1.0);
            } else {
                w[h] = (1 + DIURNAL[hourOfDay]) * (weekend ? 0.35 : 1.0);
            }
        }
        return w;
    }

    private static double[] cloudTrailFileWeights() {
        List<Double> w = new ArrayList<>();
        for (Org.AwsAccount a : Org.AWS) {
            for (int rw : a.regionWeights()) {
                w.add((double) a.weight() * rw);
            }
        }
        return w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Splits {@code total} by {@code weights} with cumulative rounding: the parts add up exactly. */
    static long[] allocate(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] out = new long[weights.length];
        double cum = 0;
        long prev = 0;
        for (int i = 0; i < weights.length; i++) {
            cum += weights[i];
            long upTo = i == weights.length - 1 ? total : Math.round(cum / sum * total);
            out[i] = upTo - prev;
            prev = upTo;
        }
        return out;
    }

    private static int[] toInts(long[] v) {
        return Arrays.stream(v).mapToInt(Math::toIntExact).toArray();
    }
}
