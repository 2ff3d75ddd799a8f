package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.model.NormalizedEvent;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Maps the native records of one source type to {@link NormalizedEvent}s. Connectors are stateless
 * and serializable (they run on Spark executors). The reader has already split the file into
 * records, checked the JSON and read the timestamp ({@link #timeFields()}) before calling
 * {@link #map}.
 */
public interface SourceConnector extends Serializable {

    /** The source type, as in the config ({@code aws-cloudtrail}, …). */
    String type();

    /** Dotted paths of the timestamp, in order of preference; the first present one is used. */
    List<String> timeFields();

    /**
     * Normalise one record. The returned event has a null {@code account} when the record concerns no
     * configured account (it then counts as not relevant).
     *
     * @throws RecordException when a known field has the wrong type or a required one is missing: the
     *                         record is quarantined with the exception's message as reason
     */
    NormalizedEvent map(JsonNode record, RecordContext ctx) throws RecordException;

    /**
     * Strings that must occur in a record (case-insensitively) for it to possibly match {@code match},
     * one of this source's configured identity patterns; any one of them suffices.
     */
    default List<String> prefilterLiterals(String match) {
        return List.of(literal(match));
    }

    /**
     * Strings that must occur in a record (case-insensitively) for it to possibly name {@code match}, one of
     * this source's configured sealed-secret patterns; any one of them suffices.
     */
    default List<String> sealedLiterals(String match) {
        return List.of(literal(match));
    }

    /** The record's timestamp from the text of one of {@link #timeFields()}. */
    default Instant time(String value, String field) throws RecordException {
        return Times.parse(value, field);
    }

    /** Extra scalar fields the reader should pick up cheaply for {@link #pair}. */
    default List<String> pairFields() {
        return List.of();
    }

    /**
     * For sources that log one operation twice (Vault request and response): the operation's key and
     * whether this record is the primary form, from the {@link #pairFields()} values; null if unpaired.
     */
    default Pair pair(Map<String, String> fields) {
        return null;
    }

    /** Records sharing {@code key}: a secondary one is dropped as not relevant when a primary exists. */
    record Pair(String key, boolean primary) {
    }

    /** The longest literal run of a glob, lower case (as {@code IdentityMatch.literal()}). */
    static String literal(String match) {
        return new io.sealwatch.config.IdentityMatch(null, match).literal();
    }
}
