package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * One input record in Sealwatch's own terms, whatever its source. Field meanings per source are
 * documented in docs/formats.md. Nullable fields are null when the source does not show them.
 *
 * @param time          when it happened, UTC
 * @param sourceType    the configured source type, e.g. {@code aws-cloudtrail}
 * @param sourceFile    the input file it was read from
 * @param record        line number (one-per-line files) or record index (array/wrapper files), from 1
 * @param eventId       the native event id (CloudTrail eventID, Okta uuid, …)
 * @param eventClass    what the event is about
 * @param action        the native action name (eventName, eventType, operationName, …)
 * @param outcome       {@code success}, {@code failure} or {@code unknown}
 * @param actor         the principal as the source names it (ARN, e-mail, user name)
 * @param person        the human behind the actor where the log shows one (lower case), else null
 * @param target        what was acted upon
 * @param account       the configured break-glass account this event concerns, or null
 * @param mfa           MFA factor class of an authentication ({@link MfaFactor} wire names)
 * @param federated     true when the authentication went through federated SSO (SAML/OIDC)
 * @param sourceIp      the client IP address
 * @param incident      incident reference
 * @param credential    rotation: the credential kind rotated; custody: the share's name
 * @param recipient     notification: the recipient group
 * @param accessChange  {@code created} / {@code removed} for persistent access, else null
 * @param accessKind    {@code access-key}, {@code login-profile}, {@code api-token}, {@code service-account},
 *                      {@code service-account-key}, {@code user}, {@code role}, {@code trust-policy}, {@code grant},
 *                      {@code vault-token}
 * @param accessObject  the identity of the persistent-access object, so creation and removal pair up
 * @param detail        free text (already redacted of secrets)
 */
public record NormalizedEvent(
        Instant time, String sourceType, String sourceFile, long record, String eventId,
        EventClass eventClass, String action, String outcome, String actor, String person, String target,
        String account, String mfa, Boolean federated, String sourceIp, String incident,
        String credential, String recipient, String accessChange, String accessKind, String accessObject,
        String detail) {

    /**
     * The order of events in every output (the events table, the workbook) and of each account's activity: time,
     * source, file, record; strings by code point, as Spark orders them, so the driver and Spark agree.
     */
    public static final Comparator<NormalizedEvent> ORDER = Comparator.comparing(NormalizedEvent::time)
            .thenComparing(NormalizedEvent::sourceType, CodePoints.ORDER)
            .thenComparing(NormalizedEvent::sourceFile, CodePoints.ORDER)
            .thenComparingLong(NormalizedEvent::record);

    public EvidenceRef ref() {
        return new EvidenceRef(sourceType, sourceFile, record, eventId);
    }

    public boolean failed() {
        return "failure".equals(outcome);
    }
}
