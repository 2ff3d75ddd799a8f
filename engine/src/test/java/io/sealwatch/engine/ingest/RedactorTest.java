package io.sealwatch.engine.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Secrets in the shapes real logs carry them, including values cut off by an excerpt. */
class RedactorTest {

    @Test
    void secretKeysLoseTheirValuesWhateverTheirType() {
        assertEquals("{\"newPassword\":\"[redacted]\",\"n\":1}", Redactor.redact("{\"newPassword\":\"hunter2\",\"n\":1}"));
        assertEquals("{\"password\": \"[redacted]\", \"n\":1}", Redactor.redact("{\"password\": 123456, \"n\":1}"));
        assertEquals("{\"SAMLAssertion\":\"[redacted]\"}", Redactor.redact("{\"SAMLAssertion\":\"PD94b\\\"Wwg\"}"));
    }

    @Test
    void aValueCutOffByTheExcerptIsRedactedToTheEnd() {
        assertEquals("{\"sessionToken\":\"[redacted]\"", Redactor.redact("{\"sessionToken\":\"IQoJb3JpZ2lu"));
        String longAssertion = "{\"eventTime\":7,\"SAMLAssertion\":\"UExBTlRFRA" + "A".repeat(5000) + "\"}";
        assertFalse(Redactor.excerpt(longAssertion, 200).contains("UExBTlRFRA"));
    }

    @Test
    void tokensInUrlsAndMessagesAreRedacted() {
        assertEquals("GET /?X-Amz-Security-Token=[redacted]&x=1 password=[redacted]",
                Redactor.redact("GET /?X-Amz-Security-Token=FwoGZXIvYXdz&x=1 password=hunter2"));
    }

    @Test
    void longValuesDoNotOverflowTheRegexStack() {
        String huge = "{\"password\":\"" + "x".repeat(3_000_000) + "\"}";
        assertEquals("{\"password\":\"[redacted]\"}", Redactor.redact(huge));
    }
}
