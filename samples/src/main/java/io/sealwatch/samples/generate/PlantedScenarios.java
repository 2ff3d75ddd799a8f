package io.sealwatch.samples.generate;

import io.sealwatch.samples.generate.Spec.Access;
import io.sealwatch.samples.generate.Spec.Approval;
import io.sealwatch.samples.generate.Spec.Mfa;
import io.sealwatch.samples.generate.Spec.Notify;
import io.sealwatch.samples.generate.Spec.Rotation;

import java.util.List;

/** What is planted, and where in the period: one episode per scenario kind on each account, then what happens between uses. */
final class PlantedScenarios {
    private PlantedScenarios() {
    }

    static void plantAll(Plan p) {
        List<BreakGlassAccount> all = BreakGlassAccount.ALL;
        BreakGlassAccount awsMgmt = all.get(0);
        BreakGlassAccount awsProd = all.get(1);
        BreakGlassAccount okta = all.get(2);
        BreakGlassAccount entra = all.get(3);
        BreakGlassAccount gcp = all.get(4);

        p.episode(awsMgmt, new Spec("compliant, temporary access key removed in the episode", 0.06).with(s -> s.access = Access.TEMP_REMOVED));
        p.episode(awsMgmt, new Spec("approval missing", 0.30, "BG-APPROVAL-MISSING").with(s -> s.approval = Approval.NONE));
        p.failedLogins(awsMgmt, p.at(0.42));
        p.episode(awsMgmt, new Spec("session longer than max-session", 0.52, "BG-TTL-EXCEEDED").with(s -> s.minutes = 330));
        p.episode(awsMgmt, new Spec("access key created and never deleted", 0.74, "BG-STANDING-ACCESS").with(s -> s.access = Access.LEFT));
        p.episode(awsMgmt, new Spec("compliant, rotation still pending at the period end", -1).with(s -> {
            s.rotation = Rotation.PENDING;
            s.minutes = 50;
        }));

        p.episode(awsProd, new Spec("approval late (within grace)", 0.14, "BG-APPROVAL-LATE").with(s -> s.approval = Approval.LATE));
        p.episode(awsProd, new Spec("second approval from an unauthorised approver", 0.36, "BG-APPROVER-UNAUTHORIZED")
                .with(s -> s.approval = Approval.EXTRA_UNAUTHORIZED));
        p.episode(awsProd, new Spec("SSO-dependent: role assumed through SAML, no MFA at AWS", 0.58, "BG-SSO-DEPENDENT",
                "BG-MFA-WEAK").with(s -> {
                    s.sso = true;
                    s.mfa = Mfa.NONE;
                }));
        p.episode(awsProd, new Spec("one custodian only (quorum 2)", 0.80, "BG-QUORUM-NOT-MET").with(s -> s.knownCustodians = 1));

        p.episode(okta, new Spec("weak MFA: TOTP", 0.10, "BG-MFA-WEAK").with(s -> s.mfa = Mfa.TOTP));
        p.episode(okta, new Spec("compliant quarterly drill", 0.28).with(s -> {
            s.drill = true;
            s.minutes = 40;
        }));
        p.episode(okta, new Spec("weak MFA: SMS, after a failed sign-in", 0.47, "BG-MFA-WEAK").with(s -> {
            s.mfa = Mfa.SMS;
            s.failedBefore = true;
        }));
        p.episode(okta, new Spec("engineering leadership never notified", 0.68, "BG-NOTIFY-MISSING")
                .with(s -> s.notify = Notify.MISSING_ENGINEERING));

        p.episode(entra, new Spec("security leadership notified after 40 minutes", 0.16, "BG-NOTIFY-LATE")
                .with(s -> s.notify = Notify.LATE_SECURITY));
        p.episode(entra, new Spec("password rotated after 30 hours", 0.44, "BG-ROTATION-LATE").with(s -> s.rotation = Rotation.LATE_PASSWORD));
        p.episode(entra, new Spec("approver also released a credential share", 0.72, "BG-SELF-APPROVAL").with(s -> s.approval = Approval.SELF));

        p.episode(gcp, new Spec("no incident reference anywhere", 0.05, "BG-NO-INCIDENT").with(s -> s.incident = false));
        p.episode(gcp, new Spec("share released by an unknown custodian", 0.55, "BG-CUSTODIAN-UNKNOWN").with(s -> s.unknownCustodian = true));
        p.episode(gcp, new Spec("MFA never rotated", 0.68, "BG-ROTATION-INCOMPLETE").with(s -> s.rotation = Rotation.MISSING_MFA));
        p.episode(gcp, new Spec("service-account key created and never deleted", 0.80, "BG-STANDING-ACCESS").with(s -> s.access = Access.LEFT));

        // between uses: an administrator's unapproved policy change, and shares taken out with no use after them
        p.changedBetweenUses(awsMgmt, p.at(0.64));
        p.sealOpenedWithoutUse(okta, p.at(0.60));

        p.program();
        p.expected.add(new Expected("BG-LOG-GAP", null, null));
    }
}
