package io.sealwatch.engine.ingest;

import io.sealwatch.config.SourceType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The connectors ServiceLoader finds are exactly the source types a config may name. */
class ConnectorsTest {

    @Test
    void everyTypeAConfigMayNameHasItsConnectorAndNoOther() {
        assertEquals(SourceType.KNOWN.stream().sorted().toList(), Connectors.types(),
                "META-INF/services/io.sealwatch.engine.ingest.SourceConnector vs SourceType.KNOWN");
        for (String type : SourceType.KNOWN) {
            assertEquals(type, Connectors.forType(type).type());
        }
    }

    @Test
    void anUnknownTypeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connectors.forType("syslog"));
        assertEquals("no connector for source type 'syslog'", e.getMessage());
    }
}
