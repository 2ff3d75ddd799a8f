package io.sealwatch.rules;

import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Period;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a rule reports a finding: the DRL global {@code out}. Severity, controls and the message
 * template come from the firing rule's metadata, so a rule's text lives in its annotations only.
 * One emitter collects the findings of one evaluation.
 *
 * <p>A finding belongs to the period that contains its decision time, the {@code at} a rule gives:
 * the moment the violation became certain. {@link #emit} keeps only findings of the judged period, so
 * a rule states what is violated and when that became certain, and neither reports a verdict that is
 * not yet due (still pending at the period end) nor one an earlier period already reported. Standing
 * conditions, assessed afresh at every period end, use {@link #emitStanding}.
 */
public final class Emitter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private final Map<String, RuleMeta> metaByRule;
    private final Period period;
    private final List<Finding> findings = new ArrayList<>();

    Emitter(Map<String, RuleMeta> metaByRule, Period period) {
        this.metaByRule = metaByRule;
        this.period = period;
    }

    /**
     * Reports one finding of the firing rule.
     *
     * @param rule     {@code drools} (or {@code kcontext}) in the rule's consequence
     * @param account  the account id, or null (a finding about a log source: use {@link #emitForSource})
     * @param episode  the episode id, or null
     * @param at       the decision time: when the violation became certain; outside the period, nothing is reported
     * @param evidence what proves it: {@link EvidenceRef}s, facts of the fact model (their evidence is
     *                 taken; an episode gives its first and last event), nested collections; nulls are skipped
     * @param args     message arguments as name, value pairs filling the {@code {name}} placeholders
     */
    public void emit(RuleContext rule, String account, String episode, Instant at, Collection<?> evidence,
                     Object... args) {
        if (period.contains(at)) {
            add(rule, account, null, episode, at, evidence, args);
        }
    }

    /**
     * Reports a standing condition of an account (no recent drill, no recent review), assessed as of the
     * period end and reported by every period while it lasts; {@code at} is the period end.
     */
    public void emitStanding(RuleContext rule, String account, Collection<?> evidence, Object... args) {
        add(rule, account, null, null, period.asOf(), evidence, args);
    }

    /**
     * Reports one finding about a log source rather than an account (BG-LOG-GAP): {@code source} is its
     * type, which a waiver by {@code source} matches. A silence is a standing condition measured inside
     * the period (clipped to it), so it is reported as given. Otherwise as {@link #emit}.
     */
    public void emitForSource(RuleContext rule, String source, Instant at, Collection<?> evidence, Object... args) {
        add(rule, null, source, null, at, evidence, args);
    }

    private void add(RuleContext rule, String account, String source, String episode, Instant at,
                     Collection<?> evidence, Object... args) {
        RuleMeta meta = metaOf(rule.getRule());
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(meta.id() + ": message arguments must be name, value pairs");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            values.put(String.valueOf(args[i]), text(args[i + 1]));
        }
        Set<EvidenceRef> refs = new LinkedHashSet<>();
        collect(evidence, refs);
        findings.add(new Finding(meta.id(), meta.severity(), account, source, episode, at,
                fill(meta.message(), values), meta.controls(), List.copyOf(refs), null));
    }

    List<Finding> findings() {
        return findings;
    }

    private RuleMeta metaOf(Rule rule) {
        RuleMeta meta = metaByRule.get(RuleEngine.key(rule));
        if (meta == null) {
            throw new IllegalStateException("rule " + rule.getName() + " has no metadata");
        }
        return meta;
    }

    /** Placeholders without a value stay as written, so a typo shows in the message instead of vanishing. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** How a message argument reads: durations as "4h 0m 1s"-style text, absent values as "none". */
    static String text(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Duration d) {
            return human(d);
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(Emitter::text).toList());
        }
        return v.toString();
    }

    static String human(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        String sign = d.isNegative() ? "-" : "";
        d = d.abs();
        StringBuilder sb = new StringBuilder();
        append(sb, d.toDays(), "d");
        append(sb, d.toHoursPart(), "h");
        append(sb, d.toMinutesPart(), "m");
        append(sb, d.toSecondsPart(), "s");
        return sign + sb;
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n != 0) {
            sb.append(sb.length() == 0 ? "" : " ").append(n).append(unit);
        }
    }

    private static void collect(Object item, Set<EvidenceRef> refs) {
        if (item instanceof Collection<?> c) {
            c.forEach(i -> collect(i, refs));
        } else if (item instanceof FailedLogins f) {
            collect(f.attempts(), refs);
        } else if (item instanceof Episode e) {
            add(refs, e.first());
            add(refs, e.last());
        } else if (item != null) {
            add(refs, refOf(item));
        }
    }

    private static EvidenceRef refOf(Object fact) {
        if (fact instanceof EvidenceRef r) {
            return r;
        } else if (fact instanceof Approval a) {
            return a.evidence();
        } else if (fact instanceof Custody c) {
            return c.evidence();
        } else if (fact instanceof Notification n) {
            return n.evidence();
        } else if (fact instanceof Authentication a) {
            return a.evidence();
        } else if (fact instanceof CredentialRotation r) {
            return r.evidence();
        } else if (fact instanceof PersistentAccess p) {
            return p.evidence();
        } else if (fact instanceof ProgramEvent p) {
            return p.evidence();
        }
        throw new IllegalArgumentException("not evidence: " + fact.getClass().getName());
    }

    private static void add(Set<EvidenceRef> refs, EvidenceRef r) {
        if (r != null) {
            refs.add(r);
        }
    }
}
