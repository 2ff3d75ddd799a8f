package io.sealwatch.engine.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SealedSecret;
import io.sealwatch.engine.ingest.SourceConnector;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * AWS Secrets Manager calls on a sealed secret, as CloudTrail records them. A successful
 * {@code GetSecretValue} releases the secret to its caller (custody); {@code RotateSecret},
 * {@code PutSecretValue} and {@code UpdateSecret} give it a new value (rotation). The secret is named by
 * {@code requestParameters.secretId}, a name or an ARN, and where present by {@code resources[].ARN} and the
 * response's ARN and name; a name is also tried as the ARN it has in the record's region and account, and an
 * ARN as its name, so either kind of pattern matches either kind of call.
 */
final class SecretsManager {
    private static final String SOURCE = "secretsmanager.amazonaws.com";
    /** What a rotation of a sealed secret rotates when its entry names no credential and its name is none. */
    private static final String FALLBACK_CREDENTIAL = "aws-secret";
    private static final String READ = "GetSecretValue";
    private static final Set<String> ROTATIONS = Set.of("RotateSecret", "PutSecretValue", "UpdateSecret");
    private static final String ARN_NAME = ":secret:";
    /** The six random characters AWS appends to a secret's name in its ARN. */
    private static final Pattern ARN_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    private SecretsManager() {
    }

    /** The literal of an ARN pattern's name part too: calls may name the secret by its name alone. */
    static List<String> literals(String match) {
        String literal = SourceConnector.literal(match);
        int at = match.indexOf(ARN_NAME);
        String name = at < 0 ? "" : SourceConnector.literal(match.substring(at + ARN_NAME.length()));
        return name.length() >= 3 && !name.equals(literal) ? List.of(literal, name) : List.of(literal);
    }

    /**
     * The custody or rotation event of a call on a sealed secret, or null when the record is none: another
     * call or secret, a failed call (nothing was released or changed), or the rotation function reading the
     * {@code AWSPENDING} value it is about to make current.
     */
    static NormalizedEvent map(JsonNode r, String name, boolean ok, RecordContext ctx, EventBuilder e)
            throws RecordException {
        boolean read = READ.equals(name);
        if (!ok || !(read || ROTATIONS.contains(name)) || !SOURCE.equals(text(r, "eventSource"))
                || read && "AWSPENDING".equals(text(r, "requestParameters.versionStage"))) {
            return null;
        }
        List<String> names = names(r);
        return names.isEmpty() ? null : SealedSecret.event(ctx, e, names, read, leaf(r), FALLBACK_CREDENTIAL);
    }

    /** Every name the record gives the secret, the request's first. */
    private static List<String> names(JsonNode r) throws RecordException {
        List<String> out = new ArrayList<>();
        String id = text(r, "requestParameters.secretId");
        String region = text(r, "awsRegion");
        String account = text(r, "recipientAccountId");
        if (id != null) {
            out.add(id);
            if (!id.startsWith("arn:") && region != null && account != null) {
                out.add("arn:aws:secretsmanager:" + region + ":" + account + ARN_NAME + id);
            }
        }
        for (JsonNode res : array(r, "resources")) {
            if (res.isObject() && text(res, "ARN") != null) {
                out.add(text(res, "ARN"));
            }
        }
        for (String field : List.of("responseElements.arn", "responseElements.ARN", "responseElements.aRN",
                "responseElements.name")) {
            String v = text(r, field);
            if (v != null) {
                out.add(v);
            }
        }
        for (String arn : List.copyOf(out)) {
            int at = arn.startsWith("arn:") ? arn.indexOf(ARN_NAME) : -1;
            if (at >= 0) {
                out.add(arn.substring(at + ARN_NAME.length()));
            }
        }
        return out;
    }

    /** The secret's last name segment ({@code breakglass/aws/password} → {@code password}), ARN suffix dropped. */
    private static String leaf(JsonNode r) throws RecordException {
        String id = text(r, "requestParameters.secretId");
        String name = id != null && !id.startsWith("arn:") ? id : text(r, "responseElements.name");
        if (name == null && id != null && id.contains(ARN_NAME)) {
            name = ARN_SUFFIX.matcher(id.substring(id.indexOf(ARN_NAME) + ARN_NAME.length())).replaceFirst("");
        }
        return name == null ? null : name.substring(name.lastIndexOf('/') + 1);
    }
}
