package io.sealwatch.samples.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What one planted episode does; every deviation from a compliant use is one field. */
final class Spec {
    enum Approval { ON_TIME, NONE, LATE, EXTRA_UNAUTHORIZED, SELF }

    enum Notify { OK, MISSING_ENGINEERING, LATE_SECURITY }

    enum Rotation { OK, LATE_PASSWORD, MISSING_MFA, PENDING }

    enum Access { NONE, TEMP_REMOVED, LEFT }

    enum Mfa { STRONG, TOTP, SMS, NONE }

    final String scenario;
    final double at;
    int minutes = 70;
    Approval approval = Approval.ON_TIME;
    boolean incident = true;
    int knownCustodians = 2;
    boolean unknownCustodian;
    Mfa mfa = Mfa.STRONG;
    boolean sso;
    Notify notify = Notify.OK;
    Rotation rotation = Rotation.OK;
    Access access = Access.NONE;
    boolean drill;
    boolean failedBefore;
    final List<String> rules = new ArrayList<>();

    Spec(String scenario, double at, String... rules) {
        this.scenario = scenario;
        this.at = at;
        this.rules.addAll(List.of(rules));
    }

    /** Applies the deviations of one scenario, so that planting it stays one statement (see PlantedScenarios). */
    Spec with(Consumer<Spec> deviations) {
        deviations.accept(this);
        return this;
    }
}
