package io.sealwatch.engine.ingest;

import io.sealwatch.model.EventClass;

import java.time.Instant;
import java.util.List;

/**
 * Where a record came from and what the config says about accounts, handed to a connector with
 * each record. {@code time} is the record's timestamp, already read and validated by the reader.
 */
public record RecordContext(String sourceType, String file, long record, Instant time, AccountIndex accounts) {

    /** A new event of this record, with its origin and time filled in. */
    public EventBuilder event(EventClass eventClass, String action) {
        return new EventBuilder(this, eventClass, action);
    }

    /** The first of {@code values} that is a configured identity of this source type: its account, or null. */
    public String accountOf(String... values) {
        for (String v : values) {
            String account = accounts.identityAccount(sourceType, v);
            if (account != null) {
                return account;
            }
        }
        return null;
    }

    /** The account with an identity of this source type that a value matching the glob could match, or null. */
    public String accountOfPattern(String pattern) {
        return pattern == null ? null : accounts.overlappingAccount(sourceType, pattern);
    }

    public String sealedAccountOf(String path) {
        return accounts.sealedAccount(sourceType, path);
    }

    public List<String> credentials(String account) {
        return accounts.credentials(account);
    }
}
