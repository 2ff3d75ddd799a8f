package io.sealwatch.samples.generate;

import java.util.Comparator;

/** One expected finding; {@code account} and {@code episode} may be null. */
record Expected(String rule, String account, String episode) {
    static final Comparator<Expected> ORDER = Comparator.comparing(Expected::rule)
            .thenComparing(Expected::account, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Expected::episode, Comparator.nullsFirst(Comparator.naturalOrder()));
}
