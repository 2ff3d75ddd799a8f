package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Instant;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-SSO-DEPENDENT: the smallest facts that fire it and the nearest that must not. */
class BgSsoDependentTest extends RuleCase {

    BgSsoDependentTest() {
        super(new Expected("BG-SSO-DEPENDENT", Severity.HIGH, ACCOUNT, EPISODE,
                        "Sign-in of " + ACTOR + " at 2026-08-14T03:00:00Z in episode " + EPISODE + " of aws-root went through federated SSO"),
                () -> Fixture.clean().with(f -> f.authentications.clear()).signIn("webauthn", true),
                Map.of("a federated sign-in of an episode outside the period", Fixture.clean().authentication(
                        "aws-root/2026-06-01T00:00:00Z", Instant.parse("2026-06-01T00:00:00Z"), true, "webauthn", true)));
    }
}
