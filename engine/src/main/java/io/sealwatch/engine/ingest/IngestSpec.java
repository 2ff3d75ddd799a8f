package io.sealwatch.engine.ingest;

import io.sealwatch.config.SealwatchConfig;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a task needs besides its file, shipped to the executors once per job.
 *
 * @param literals    per source type: the prefilter literals of its identities and sealed secrets
 * @param logGapMillis the policy's log gap, for the per-file coverage intervals
 */
record IngestSpec(AccountIndex accounts, Map<String, List<String>> literals, long logGapMillis)
        implements Serializable {

    static IngestSpec of(SealwatchConfig config) {
        AccountIndex accounts = AccountIndex.of(config);
        Map<String, List<String>> literals = new HashMap<>();
        for (String type : Connectors.types()) {
            SourceConnector c = Connectors.forType(type);
            List<String> l = new ArrayList<>();
            accounts.identities(type).forEach(r -> l.addAll(c.prefilterLiterals(r.match())));
            accounts.sealed(type).forEach(r -> l.add(SourceConnector.literal(r.match())));
            literals.put(type, List.copyOf(l));
        }
        return new IngestSpec(accounts, literals, config.policy().logGap().toMillis());
    }
}
