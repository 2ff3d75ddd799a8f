package io.sealwatch.rules.pack;

import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.sealwatch.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BG-MFA-WEAK: the smallest facts that fire it and the nearest that must not. */
class BgMfaWeakTest extends RuleCase {

    BgMfaWeakTest() {
        super(new Expected("BG-MFA-WEAK", Severity.HIGH, ACCOUNT, EPISODE,
                        "Sign-in of " + ACTOR + " at 2026-08-14T03:00:00Z in episode " + EPISODE + " of aws-root used second factor sms, not one of webauthn, u2f, fido2, hardware-otp"),
                () -> Fixture.clean().with(f -> f.authentications.clear()).signIn("sms", false),
                Map.of("only a failed attempt used sms", Fixture.clean().authentication(EPISODE, START.plusSeconds(60), false, "sms", false),
                        "a strong factor in upper case", Fixture.clean().with(f -> f.authentications.clear()).signIn("WebAuthn", false)));
    }

    @Test
    void noSecondFactorAtAll() {
        Fixture f = Fixture.clean();
        f.authentications.clear();
        f.signIn(null, false);
        assertEquals(List.of("Sign-in of " + ACTOR + " at 2026-08-14T03:00:00Z in episode " + EPISODE
                        + " of aws-root used second factor none, not one of webauthn, u2f, fido2, hardware-otp"),
                f.findings(expected().rule()).stream().map(Finding::message).toList());
    }
}
