package io.sealwatch.engine.episode;

import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.rules.Facts;

import java.util.List;

/**
 * The judged facts of the period and the normalised events behind them (every activity event of
 * the period's episodes and every event attached to them), sorted by time.
 */
public record Reconstruction(Facts facts, List<NormalizedEvent> events) {
}
