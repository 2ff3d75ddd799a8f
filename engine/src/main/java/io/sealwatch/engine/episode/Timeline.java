package io.sealwatch.engine.episode;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;

import java.util.List;

/**
 * What Spark found over a stretch of time: every episode extent and the account-related events the
 * driver attaches. Any period whose lookback horizon and end lie within that stretch can be judged
 * from it, as a run over exactly that period would judge it (see {@link Attacher}).
 */
public final class Timeline {
    private final SealwatchConfig config;
    private final List<Span> spans;
    private final List<NormalizedEvent> events;

    Timeline(SealwatchConfig config, List<Span> spans, List<NormalizedEvent> events) {
        this.config = config;
        this.spans = List.copyOf(spans);
        this.events = List.copyOf(events);
    }

    /** The episode extents, by account and start. */
    List<Span> spans() {
        return spans;
    }

    /** The account-related events to attach, in the events table's order. */
    List<NormalizedEvent> events() {
        return events;
    }

    /** The facts of {@code period} as of its end; {@code gaps} are the period's coverage gaps. */
    public Reconstruction judge(Period period, List<CoverageGap> gaps) {
        return new Attacher(config, period).attach(spans, events, gaps);
    }
}
