package io.sealwatch.cli.watch;

import io.sealwatch.cli.base.Failure;
import io.sealwatch.cli.job.Job;
import io.sealwatch.cli.job.OutFolder;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.WatchSpec;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.bundle.Manifest;
import io.sealwatch.reports.bundle.Predecessor;
import io.sealwatch.reports.signing.SigningException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service's own bundles, written exactly as {@code run} writes them ({@link Job#run}): each night at
 * {@code watch.nightly.at} (local time of the config's time zone) the quarter to date as of the start of
 * the UTC day of that moment — what {@code run} without {@code --to} judges then — into
 * {@code <nightly.out>/<yyyy-mm-dd>} (the local date), and
 * each quarter that closes after the service first ran into {@code <quarterly.out>/<yyyy-Qn>}. Each follows the latest earlier bundle of its
 * folder in the chain. A folder that already holds a bundle is not written again, so a restart neither
 * repeats nor misses a night; a failure is reported and tried again half an hour later.
 */
final class Bundles {
    /** A bundle that failed is tried again this much later, not at every poll. */
    private static final Duration RETRY = Duration.ofMinutes(30);

    private final PrintStream err;
    private final Instant firstStart;
    private final Map<Path, Instant> retryAt = new HashMap<>();

    /** @param firstStart quarters that closed before the service first ran are {@code run --quarter}'s to write */
    Bundles(PrintStream err, Instant firstStart) {
        this.err = err;
        this.firstStart = firstStart;
    }

    void writeDue(Setup setup, Instant now) {
        WatchSpec watch = setup.config().watch();
        if (watch.nightlyOut() != null) {
            ZoneId zone = ZoneId.of(setup.config().timezone());
            LocalDate day = LocalDate.ofInstant(now, zone);
            Instant scheduled = day.atTime(watch.nightlyAt()).atZone(zone).toInstant();
            if (!now.isBefore(scheduled)) {
                // what run without --to judges at that moment: the quarter to date as of the start of the UTC day
                write(setup, watch.nightlyOut(), day.toString(),
                        PeriodSpec.resolve(null, null, null, Clock.fixed(scheduled, ZoneOffset.UTC)), now);
            }
        }
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        if (watch.quarterlyOut() != null) {
            LocalDate closed = LocalDate.ofInstant(now, ZoneOffset.UTC).with(IsoFields.DAY_OF_QUARTER, 1).minusDays(1);
            String name = closed.getYear() + "-Q" + closed.get(IsoFields.QUARTER_OF_YEAR);
            if (closed.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(firstStart)) {
                write(setup, watch.quarterlyOut(), name, PeriodSpec.resolve(null, null, name, clock), now);
            }
        }
    }

    /** Writes {@code <series>/<name>} unless it already holds a bundle. */
    private void write(Setup setup, Path series, String name, PeriodSpec.Resolved period, Instant now) {
        Path out = series.resolve(name);
        if (Files.isRegularFile(out.resolve(Manifest.FILE)) || now.isBefore(retryAt.getOrDefault(out, Instant.MIN))) {
            return;
        }
        retryAt.put(out, now.plus(RETRY));
        SealwatchConfig config = setup.config();
        RunOptions options = new RunOptions(config.file(), period, out, setup.master(), Severity.CRITICAL,
                setup.signer() != null, setup.ruleDirs(), null, null);
        try (OutFolder ignored = OutFolder.claim(out, err)) {   // held: the lock on the bundle folder
            Path previous = previous(series, name);
            Predecessor link = previous == null ? null : Predecessor.followingBundle(previous, period.period());
            new Job(new PrintStream(OutputStream.nullOutputStream())).run(config, options, setup.rules(),
                    setup.signer(), link);
            retryAt.remove(out);
            err.println("sealwatch: wrote the bundle " + out + " (" + period.period().from() + " .. "
                    + period.period().to() + ")");
        } catch (OutFolder.Refused e) {
            err.println("sealwatch: the bundle " + out + " cannot be written: " + e.getMessage());
        } catch (IOException | SigningException | RuntimeException e) {
            err.println("sealwatch: the bundle " + out + " could not be produced: " + Failure.describe(e)
                    + " (tried again in " + RETRY.toMinutes() + " minutes)");
        }
    }

    /** The latest bundle of the series before {@code name} (names sort by time), or null for the first. */
    private static Path previous(Path series, String name) throws IOException {
        if (!Files.isDirectory(series)) {
            return null;
        }
        try (Stream<Path> list = Files.list(series)) {
            List<Path> earlier = list.filter(p -> p.getFileName().toString().compareTo(name) < 0)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            return earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        }
    }
}
