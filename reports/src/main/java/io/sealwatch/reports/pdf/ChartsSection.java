package io.sealwatch.reports.pdf;

import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Episode;
import io.sealwatch.model.RotationStatus;
import io.sealwatch.reports.pdf.Charts.Bar;
import io.sealwatch.result.NotificationStatus;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The Charts chapter: episodes per month, notification latency and time to rotate, worst cases first. */
final class ChartsSection extends Section {
    ChartsSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Charts", true));
        DefaultCategoryDataset perMonth = new DefaultCategoryDataset();
        TreeMap<String, TreeMap<String, Integer>> counts = new TreeMap<>();
        for (Episode e : episodes) {
            counts.computeIfAbsent(e.account(), k -> new TreeMap<>()).merge(month(e.start()), 1, Integer::sum);
        }
        // every month of the period, also the quiet ones
        TreeSet<String> months = new TreeSet<>();
        for (YearMonth m = YearMonth.from(r.info().period().from().atZone(ZoneOffset.UTC));
             m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(r.info().period().to()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        counts.values().forEach(m -> months.addAll(m.keySet()));
        counts.forEach((account, m) -> months.forEach(month -> perMonth.addValue(m.getOrDefault(month, 0), account, month)));
        chart(perMonth.getColumnCount() > 0, "Bar chart: episodes per month, stacked by account; the Episodes "
                + "chapter lists each episode.", () -> Charts.stackedCounts("Episodes per month per account", "Month",
                "Episodes", perMonth));
        if (episodes.isEmpty()) {
            add(Line.p("No episode in the period: nothing to chart."));
            return;
        }
        notificationChart();
        rotationChart();
    }

    private String month(Instant t) {
        return YearMonth.from(t.atZone(ZoneOffset.UTC)).toString();
    }

    /** Each required recipient group per episode; a group never notified is a full red "never" bar. */
    private void notificationChart() {
        long limitMin = policy.notifyWithin().toMinutes();
        List<String> groups = policy.notifyRecipients().stream().sorted().toList();  // as the statuses list them
        if (groups.isEmpty()) {
            add(Line.note("The policy names no recipient group to notify."));
            return;
        }
        Comparator<Episode> worst = Comparator.comparingInt((Episode e) -> r.views().missingGroups(e).size()).reversed()
                .thenComparing(Comparator.comparingLong(this::maxLatency).reversed());
        List<Episode> shown = worstFirst(episodes, worst, Math.max(1, ReportContent.CHART_BARS / groups.size()));
        List<Bar> bars = new ArrayList<>();
        long never = 0;
        for (Episode e : shown) {
            for (NotificationStatus n : r.views().notifications(e)) {
                Long secs = n.latencySeconds();
                if (n.missing()) {
                    never++;
                }
                bars.add(n.missing() ? new Bar(n.group(), e.id(), null, Charts.RED, "NEVER NOTIFIED")
                        : new Bar(n.group(), e.id(), secs / 60.0, null, String.format(Locale.ROOT, "%.1f min%s",
                        secs / 60.0, n.state() == NotificationStatus.State.LATE ? " (late)" : "")));
            }
        }
        Map<String, Color> legend = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            legend.put(groups.get(i), Charts.palette(i));
        }
        if (never > 0) {
            legend.put("never notified", Charts.RED);
        }
        chart(true, "Bar chart: minutes from each episode's start to the notification of each recipient group, "
                + "against the limit of " + limitMin + " min; the notification tables give each latency.",
                () -> Charts.barsWithLimit("Notification latency per episode and recipient group", "Episode",
                "Minutes after the episode start", bars, limitMin, "limit " + limitMin + " min", legend));
        add(Line.note(shown.size() < episodes.size()
                ? "The " + shown.size() + " worst of " + episodes.size() + " episodes (never notified first, then the "
                + "slowest); every notification is in evidence.xlsx (Notifications)."
                : "Every episode and required recipient group; a red bar marked NEVER NOTIFIED is a group that was never notified."));
    }

    /** Every credential to rotate; a missing rotation is a full red "never" bar, a pending one grey. */
    private void rotationChart() {
        long rotateH = policy.rotateWithin().toHours();
        List<CredentialRotation> all = r.facts().rotations();
        if (all.isEmpty()) {
            add(Line.note("No credential had to be rotated in the period."));
            return;
        }
        Comparator<CredentialRotation> worst = Comparator.comparing((CredentialRotation c) -> c.status(asOf))
                .thenComparing(Comparator.comparingLong(this::hoursToRotate).reversed());
        List<CredentialRotation> shown = worstFirst(all, worst, ReportContent.CHART_BARS).stream().sorted(CredentialRotation.ORDER).toList();
        List<Bar> bars = new ArrayList<>();
        for (CredentialRotation c : shown) {
            String category = c.episode() + " · " + c.credential();
            RotationStatus status = c.status(asOf);
            Instant end = c.deadline().minus(policy.rotateWithin());
            double hours = (c.rotatedAt() == null ? asOf : c.rotatedAt()).getEpochSecond() / 3600.0
                    - end.getEpochSecond() / 3600.0;
            bars.add(switch (status) {
                case MISSING -> new Bar("rotation", category, null, Charts.RED, "NEVER ROTATED");
                case PENDING -> new Bar("rotation", category, hours, Charts.GREY,
                        String.format(Locale.ROOT, "pending, %.1f h so far", hours));
                case LATE -> new Bar("rotation", category, hours, Charts.ORANGE, String.format(Locale.ROOT, "%.1f h (late)", hours));
                case DONE -> new Bar("rotation", category, hours, Charts.palette(0), String.format(Locale.ROOT, "%.1f h", hours));
            });
        }
        chart(true, "Bar chart: hours from each episode's end to the rotation of each credential, against the "
                + rotateH + " h deadline; the rotation tables give each time.", () -> Charts.barsWithLimit("Time to rotate per credential", "Episode · credential",
                "Hours after the episode end", bars, rotateH, "deadline " + rotateH + " h",
                Charts.legend("done", Charts.palette(0), "late", Charts.ORANGE, "never rotated", Charts.RED,
                        "pending (deadline after the period end)", Charts.GREY)));
        add(Line.note(shown.size() < all.size()
                ? "The " + shown.size() + " worst of " + all.size() + " credentials (never rotated first); all are in "
                + "the Rotation status section."
                : "Every credential to rotate; a red bar marked NEVER ROTATED was not rotated by its deadline."));
    }

    private long hoursToRotate(CredentialRotation c) {
        return (c.rotatedAt() == null ? asOf : c.rotatedAt()).getEpochSecond() - c.deadline().getEpochSecond();
    }

    /** The {@code n} worst items by {@code worst}, in their original order. */
    private static <T> List<T> worstFirst(List<T> items, Comparator<T> worst, int n) {
        if (items.size() <= n) {
            return items;
        }
        Set<T> keep = items.stream().sorted(worst).limit(n).collect(Collectors.toCollection(
                () -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        return items.stream().filter(keep::contains).toList();
    }

    private long maxLatency(Episode e) {
        return e.notifications() == null ? 0 : e.notifications().values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
