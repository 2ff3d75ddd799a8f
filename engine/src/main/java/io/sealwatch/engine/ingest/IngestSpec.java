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
 * @param prefilters   per source type: the prefilter of its identities' and sealed secrets' literals
 * @param logGapMillis the policy's log gap, for the per-file coverage intervals
 */
record IngestSpec(AccountIndex accounts, Map<String, Prefilter> prefilters, long logGapMillis)
        implements Serializable {

    static IngestSpec of(SealwatchConfig config) {
        AccountIndex accounts = AccountIndex.of(config);
        Map<String, Prefilter> prefilters = new HashMap<>();
        for (String type : Connectors.types()) {
            SourceConnector c = Connectors.forType(type);
            List<String> l = new ArrayList<>();
            accounts.identities(type).forEach(r -> l.addAll(c.prefilterLiterals(r.match())));
            accounts.sealed(type).forEach(r -> l.addAll(c.sealedLiterals(r.match())));
            prefilters.put(type, new Prefilter(l));
        }
        return new IngestSpec(accounts, prefilters, config.policy().logGap().toMillis());
    }
}
