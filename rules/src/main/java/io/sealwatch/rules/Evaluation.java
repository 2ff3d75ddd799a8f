package io.sealwatch.rules;

import io.sealwatch.model.Waiver;
import io.sealwatch.model.Finding;

import java.util.List;

/**
 * What the rule pack concluded: findings in canonical order (waived ones included, marked), and the
 * waivers that matched nothing or had expired — reported, never silently ignored.
 */
public record Evaluation(List<Finding> findings, List<Waiver> unusedWaivers, List<Waiver> expiredWaivers) {
}
