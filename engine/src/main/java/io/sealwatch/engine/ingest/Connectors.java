package io.sealwatch.engine.ingest;

import io.sealwatch.engine.source.cloudtrail.CloudTrailConnector;
import io.sealwatch.engine.source.entraaudit.EntraAuditConnector;
import io.sealwatch.engine.source.entrasignin.EntraSigninConnector;
import io.sealwatch.engine.source.evidence.EvidenceConnector;
import io.sealwatch.engine.source.gcp.GcpAuditConnector;
import io.sealwatch.engine.source.okta.OktaConnector;
import io.sealwatch.engine.source.vault.VaultConnector;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connector of each source type ({@code SourceSpec.TYPES}). */
public final class Connectors {
    private static final Map<String, SourceConnector> BY_TYPE = List.of(
                    new CloudTrailConnector(), new OktaConnector(), new EntraSigninConnector(),
                    new EntraAuditConnector(), new GcpAuditConnector(), new VaultConnector(), new EvidenceConnector())
            .stream().collect(Collectors.toUnmodifiableMap(SourceConnector::type, Function.identity()));

    private Connectors() {
    }

    public static SourceConnector forType(String type) {
        SourceConnector c = BY_TYPE.get(type);
        if (c == null) {
            throw new IllegalArgumentException("no connector for source type '" + type + "'");
        }
        return c;
    }

    public static List<String> types() {
        return BY_TYPE.keySet().stream().sorted().toList();
    }
}
