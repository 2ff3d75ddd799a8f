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

        Spec s;
        s = new Spec("compliant, temporary access key removed in the episode", 0.06);
        s.access = Access.TEMP_REMOVED;
        p.episode(awsMgmt, s);
        s = new Spec("approval missing", 0.30, "BG-APPROVAL-MISSING");
        s.approval = Approval.NONE;
        p.episode(awsMgmt, s);
        p.failedLogins(awsMgmt, p.at(0.42));
        s = new Spec("session longer than max-session", 0.52, "BG-TTL-EXCEEDED");
        s.minutes = 330;
        p.episode(awsMgmt, s);
        s = new Spec("access key created and never deleted", 0.74, "BG-STANDING-ACCESS");
        s.access = Access.LEFT;
        p.episode(awsMgmt, s);
        s = new Spec("compliant, rotation still pending at the period end", -1);
        s.rotation = Rotation.PENDING;
        s.minutes = 50;
        p.episode(awsMgmt, s);

        s = new Spec("approval late (within grace)", 0.14, "BG-APPROVAL-LATE");
        s.approval = Approval.LATE;
        p.episode(awsProd, s);
        s = new Spec("second approval from an unauthorised approver", 0.36, "BG-APPROVER-UNAUTHORIZED");
        s.approval = Approval.EXTRA_UNAUTHORIZED;
        p.episode(awsProd, s);
        s = new Spec("SSO-dependent: role assumed through SAML, no MFA at AWS", 0.58, "BG-SSO-DEPENDENT",
                "BG-MFA-WEAK");
        s.sso = true;
        s.mfa = Mfa.NONE;
        p.episode(awsProd, s);
        s = new Spec("one custodian only (quorum 2)", 0.80, "BG-QUORUM-NOT-MET");
        s.knownCustodians = 1;
        p.episode(awsProd, s);

        s = new Spec("weak MFA: TOTP", 0.10, "BG-MFA-WEAK");
        s.mfa = Mfa.TOTP;
        p.episode(okta, s);
        s = new Spec("compliant quarterly drill", 0.28);
        s.drill = true;
        s.minutes = 40;
        p.episode(okta, s);
        s = new Spec("weak MFA: SMS, after a failed sign-in", 0.47, "BG-MFA-WEAK");
        s.mfa = Mfa.SMS;
        s.failedBefore = true;
        p.episode(okta, s);
        s = new Spec("engineering leadership never notified", 0.68, "BG-NOTIFY-MISSING");
        s.notify = Notify.MISSING_ENGINEERING;
        p.episode(okta, s);

        s = new Spec("security leadership notified after 40 minutes", 0.16, "BG-NOTIFY-LATE");
        s.notify = Notify.LATE_SECURITY;
        p.episode(entra, s);
        s = new Spec("password rotated after 30 hours", 0.44, "BG-ROTATION-LATE");
        s.rotation = Rotation.LATE_PASSWORD;
        p.episode(entra, s);
        s = new Spec("approver also released a credential share", 0.72, "BG-SELF-APPROVAL");
        s.approval = Approval.SELF;
        p.episode(entra, s);

        s = new Spec("no incident reference anywhere", 0.05, "BG-NO-INCIDENT");
        s.incident = false;
        p.episode(gcp, s);
        s = new Spec("share released by an unknown custodian", 0.55, "BG-CUSTODIAN-UNKNOWN");
        s.unknownCustodian = true;
        p.episode(gcp, s);
        s = new Spec("MFA never rotated", 0.68, "BG-ROTATION-INCOMPLETE");
        s.rotation = Rotation.MISSING_MFA;
        p.episode(gcp, s);
        s = new Spec("service-account key created and never deleted", 0.80, "BG-STANDING-ACCESS");
        s.access = Access.LEFT;
        p.episode(gcp, s);

        // between uses: an administrator's unapproved policy change, and shares taken out with no use after them
        p.changedBetweenUses(awsMgmt, p.at(0.64));
        p.sealOpenedWithoutUse(okta, p.at(0.60));

        p.program();
        p.expected.add(new Expected("BG-LOG-GAP", null, null));
    }
}
