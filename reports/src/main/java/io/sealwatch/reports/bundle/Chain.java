package io.sealwatch.reports.bundle;

import io.sealwatch.model.Period;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The links between bundles of one series ({@code verify DIR…}): in period order, each bundle's manifest
 * must record the one before it — its period and the sha256 of its manifest.json. A bundle removed
 * between two others, replaced by another of the same period, or altered (its manifest no longer hashes
 * to what the next one recorded) breaks a link, and the break is named.
 */
public final class Chain {

    /** A bundle of the chain: its folder, manifest and the manifest's sha256. */
    public record Link(Path dir, Manifest manifest, String manifestSha256) {
        Period period() {
            return manifest.period();
        }
    }

    private Chain() {
    }

    /** Reads {@code dir}'s manifest; one sentence naming the folder when it cannot. */
    public static Link read(Path dir) throws IOException {
        byte[] json = Predecessor.manifest(dir);
        try {
            return new Link(dir, Manifest.parse(json), Predecessor.sha256(json));
        } catch (IOException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    /** The bundles by period (end, then start): the order of a series. */
    public static List<Link> ordered(List<Link> links) {
        return links.stream().sorted(Comparator.comparing((Link l) -> l.period().to())
                .thenComparing(l -> l.period().from())).toList();
    }

    /** One sentence per broken link of {@link #ordered} {@code links}; empty when every link holds. */
    public static List<String> breaks(List<Link> links) {
        List<Link> series = ordered(links);
        List<String> breaks = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            Link before = series.get(i - 1);
            Link after = series.get(i);
            Predecessor recorded = after.manifest().previous();
            String a = before.dir() + " (" + period(before.period()) + ")";
            String b = after.dir() + " (" + period(after.period()) + ")";
            if (recorded == null) {
                breaks.add(b + " records no predecessor, yet " + a + " comes before it: not one series, or the link was cut");
            } else if (!recorded.period().equals(before.period())) {
                breaks.add("a bundle is missing between " + a + " and " + b + ": " + after.dir()
                        + " follows " + recorded.describe());
            } else if (!recorded.manifestSha256().equals(before.manifestSha256())) {
                breaks.add(before.dir() + " was replaced or altered: " + after.dir() + " follows manifest sha256 "
                        + recorded.manifestSha256() + " for " + period(recorded.period()) + ", but " + before.dir()
                        + "'s manifest has sha256 " + before.manifestSha256());
            }
        }
        return breaks;
    }

    static String period(Period p) {
        return p.from() + " to " + p.to();
    }
}
