package io.sealwatch.result;

import io.sealwatch.model.Finding;
import io.sealwatch.rules.RuleMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One control of the rule pack and how the period met it: it passes when no open (unwaived) finding maps to it.
 *
 * @param rules      every rule that checks it (the pack's, and those of findings that name it), by id
 * @param openByRule rule id → open findings of that rule mapped to the control, by id; empty when it passes
 */
public record ControlStatus(String control, List<String> rules, Map<String, Long> openByRule) {

    public ControlStatus {
        rules = List.copyOf(rules);
        openByRule = java.util.Collections.unmodifiableMap(new TreeMap<>(openByRule));
    }

    public boolean passed() {
        return openByRule.isEmpty();
    }

    /** Open findings mapped to the control. */
    public long open() {
        return openByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every control the pack's rules or the findings name, by name. */
    static List<ControlStatus> of(List<RuleMeta> rules, List<Finding> findings) {
        Map<String, Set<String>> rulesByControl = new TreeMap<>();
        for (RuleMeta m : rules) {
            m.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(m.id()));
        }
        for (Finding f : findings) {
            if (f.controls() != null) {
                f.controls().forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(f.rule()));
            }
        }
        List<ControlStatus> out = new ArrayList<>();
        rulesByControl.forEach((control, checking) -> {
            Map<String, Long> open = new TreeMap<>();
            findings.stream().filter(f -> !f.accepted() && f.controls() != null && f.controls().contains(control))
                    .forEach(f -> open.merge(f.rule(), 1L, Long::sum));
            out.add(new ControlStatus(control, List.copyOf(checking), open));
        });
        return List.copyOf(out);
    }
}
