package io.sealwatch.engine.ingest;

import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Period;
import io.sealwatch.result.SourceCoverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage without shipping every timestamp to the driver: each file reduces its sorted timestamps
 * to intervals whose consecutive events are at most the log gap apart; the driver merges the
 * intervals of all files of a source by the same rule, which gives exactly the gaps of the merged
 * timestamps.
 */
final class Coverage {
    private Coverage() {
    }

    /** Sorted timestamps (epoch millis) → flat [start0, end0, start1, end1, …]. */
    static long[] intervals(long[] sortedTimes, int count, long gapMillis) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = sortedTimes[i];
            if (out.isEmpty() || t - out.get(out.size() - 1) > gapMillis) {
                out.add(t);
                out.add(t);
            } else {
                out.set(out.size() - 1, Math.max(t, out.get(out.size() - 1)));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Merges the intervals of several files into one flat sorted list. */
    static long[] merge(List<long[]> perFile, long gapMillis) {
        List<long[]> all = new ArrayList<>();
        for (long[] flat : perFile) {
            for (int i = 0; i < flat.length; i += 2) {
                all.add(new long[]{flat[i], flat[i + 1]});
            }
        }
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] iv : all) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && iv[0] - last[1] <= gapMillis) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(iv.clone());
            }
        }
        return merged.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /**
     * The source's coverage: silences inside the period longer than {@code logGap}, measured from the
     * period start, between events, and up to the period end. No event in the period at all is one gap
     * over the whole period (when the period itself is longer than the log gap).
     */
    static SourceCoverage of(String source, long events, long[] merged, Period period, Duration logGap) {
        long gap = logGap.toMillis();
        long from = period.from().toEpochMilli();
        long to = period.to().toEpochMilli();
        List<CoverageGap> gaps = new ArrayList<>();
        long cursor = from;
        for (int i = 0; i < merged.length; i += 2) {
            long start = merged[i];
            long end = merged[i + 1];
            if (end < from) {
                continue;
            }
            if (start >= to) {
                break;
            }
            addGap(source, cursor, Math.max(start, from), gap, gaps);
            cursor = Math.max(cursor, Math.min(end, to));
        }
        addGap(source, cursor, to, gap, gaps);
        Instant first = merged.length == 0 ? null : Instant.ofEpochMilli(merged[0]);
        Instant last = merged.length == 0 ? null : Instant.ofEpochMilli(merged[merged.length - 1]);
        return new SourceCoverage(source, events, first, last, List.copyOf(gaps));
    }

    private static void addGap(String source, long from, long to, long gap, List<CoverageGap> gaps) {
        if (to - from > gap) {
            gaps.add(new CoverageGap(source, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), (to - from) / 1000));
        }
    }
}
