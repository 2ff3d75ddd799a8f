package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.generate.BreakGlassAccount.Kind;
import io.sealwatch.samples.generate.Spec.Access;
import io.sealwatch.samples.generate.Spec.Approval;
import io.sealwatch.samples.generate.Spec.Notify;
import io.sealwatch.samples.generate.Spec.Rotation;
import io.sealwatch.samples.internal.Iso;
import io.sealwatch.samples.internal.JsonValues;

import java.io.IOException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The planted part of the generated organisation: break-glass episodes of every scenario kind, failed
 * sign-ins, drills, reviews and one log outage, with the findings the rules (docs/rules.md) must give for them.
 * Small by construction (a few hundred records), so it is built in memory before the files are written.
 */
final class Plan {
    /** Writes one planted native record; {@code r} is a random source private to the record. */
    interface Body {
        void write(JsonGenerator g, Rand r) throws IOException;
    }

    record Planted(Source source, String file, long time, int seq, Body body) {
    }

    record EvidenceRow(long time, String kind, String account, String actor, String incident, String recipient,
                       String credential, String detail) {
    }

    /** A planted episode, for {@code planted-episodes.json}. */
    record Episode(String id, String account, String scenario, long start, long end, List<String> rules) {
    }

    static final String UNKNOWN_CUSTODIAN = "temp.contractor@example.com";
    static final String UNAUTHORIZED_APPROVER = "platform-lead@example.com";
    static final Period DRILL_EVERY = Period.ofMonths(3);
    static final Period REVIEW_EVERY = Period.ofYears(1);
    static final long OUTAGE_MILLIS = 36 * 3_600_000L;
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final String OFFICE_IP = "203.0.113.24";
    private static final String GCP_PROJECT = Org.GCP_ORG_PROJECT;

    final long seed;
    final long from;
    final long to;
    final long outageFrom;
    final long outageTo;
    final List<Planted> planted = new ArrayList<>();
    final List<EvidenceRow> evidence = new ArrayList<>();
    final TreeSet<Expected> expected = new TreeSet<>(Expected.ORDER);
    final List<Episode> episodes = new ArrayList<>();
    private final Rand rng;
    private final Map<String, CloudTrail> trails = new java.util.HashMap<>();
    private int seq;

    private Plan(long seed, long from, long to) {
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.rng = new Rand(seed, Rand.key("plan"));
        this.outageFrom = Layout.hourStart(from + (long) ((to - from) * 0.15));
        this.outageTo = outageFrom + OUTAGE_MILLIS;
        for (Org.AwsAccount a : Org.AWS) {
            trails.put(a.id(), new CloudTrail(a));
        }
    }

    static Plan build(long seed, long from, long to) {
        Plan p = new Plan(seed, from, to);
        PlantedScenarios.plantAll(p);
        return p;
    }

    long at(double fraction) {
        long t = from + (long) ((to - from) * fraction) + rng.nextInt(3600) * 1000L;
        return t - Math.floorMod(t, 1000L);
    }

    // ---- episodes ----

    void episode(BreakGlassAccount a, Spec s) {
        long start = s.at < 0 ? to - 9 * HOUR - rng.nextInt(1800) * 1000L : at(s.at);
        String incident = !s.incident ? null : (s.drill ? "CHG-" : "INC-") + (4000 + rng.nextInt(5000));
        if (s.drill) {
            row(start - 25 * MIN, "drill", a, a.custodians().get(0), incident, null, null,
                    "Quarterly break-glass drill: seal checked, runbook followed end to end");
        }
        List<String> holders = holders(a, s);
        long release = start - (35 + rng.nextInt(10)) * MIN;
        for (int i = 0; i < holders.size(); i++) {
            custody(a, holders.get(i), i, release + i * 3 * MIN + rng.nextInt(60) * 1000L, incident);
        }
        approvals(a, s, start, incident, holders);

        List<Long> activity = new ArrayList<>();
        if (s.failedBefore) {
            failedLogin(a, start - 90_000L);
        }
        Object principal = login(a, s, start, activity);
        long t = start;
        long last = start + s.minutes * MIN;
        int step = 0;
        while (true) {
            t += (4 + rng.nextInt(22)) * MIN + rng.nextInt(60) * 1000L;
            if (t >= last) {
                break;
            }
            action(a, principal, t, step++, activity);
            if (step == 1 && s.access != Access.NONE) {
                persistentAccess(a, principal, t + 30_000L, s.access, activity);
            }
        }
        action(a, principal, last, step, activity);
        long end = activity.stream().mapToLong(Long::longValue).max().orElseThrow();
        long first = activity.stream().mapToLong(Long::longValue).min().orElseThrow();

        notifications(a, s, first, incident);
        rotations(a, s, end, incident);
        String id = a.id() + "/" + Instant.ofEpochMilli(first - Math.floorMod(first, 1000L));
        for (String rule : s.rules) {
            expected.add(new Expected(rule, a.id(), id));
        }
        episodes.add(new Episode(id, a.id(), s.scenario, first, end, List.copyOf(s.rules)));
    }

    /** Who releases shares: custodians who are also approvers do so only in the self-approval scenario. */
    private List<String> holders(BreakGlassAccount a, Spec s) {
        List<String> pool = new ArrayList<>(a.custodians());
        pool.removeAll(BreakGlassAccount.APPROVERS);
        int shift = rng.nextInt(pool.size());
        for (int i = 0; i < shift; i++) {
            pool.add(pool.remove(0));
        }
        List<String> holders = new ArrayList<>(pool.subList(0, Math.min(s.knownCustodians, pool.size())));
        if (s.approval == Approval.SELF) {
            holders.set(0, BreakGlassAccount.APPROVERS.get(1));
        }
        if (s.unknownCustodian) {
            holders.add(1, UNKNOWN_CUSTODIAN);
        }
        return holders;
    }

    private void custody(BreakGlassAccount a, String who, int share, long t, String incident) {
        String name = share % 2 == 0 ? "password-share-" + (share + 1) : "mfa-key-share-" + (share + 1);
        if (!a.vaultCustody()) {
            row(t, "custody", a, who, incident, null, name, "Sealed envelope " + (char) ('A' + share)
                    + " taken from the safe, logged in the safe register");
            return;
        }
        String path = "secret/data/breakglass/" + a.vaultKey() + "/" + name;
        Body request = (g, r) -> Vault.line(g, r, t, false, "oidc-" + who, null, "oidc",
                new String[]{"default", "breakglass-custodian"}, path, "read", "secret/");
        int pairSeq = seq;
        plant(Source.VAULT, Source.VAULT.dailyFile(Iso.day(t)), t, request);
        // The response repeats the request's ids: replay the same random stream with the response flag.
        long rt = t + 12;
        plant(Source.VAULT, Source.VAULT.dailyFile(Iso.day(rt)), rt, (g, r) -> Vault.line(g,
                new Rand(seed, Rand.key("planted/" + pairSeq)), rt, true, "oidc-" + who, null, "oidc",
                new String[]{"default", "breakglass-custodian"}, path, "read", "secret/"));
    }

    private void approvals(BreakGlassAccount a, Spec s, long start, String incident, List<String> holders) {
        String approver = BreakGlassAccount.APPROVERS.stream().filter(p -> !a.custodians().contains(p))
                .toList().get(rng.nextInt(2));
        String detail = incident == null ? "Approved by phone, use of the break-glass account is fine"
                : "Approved in #" + incident.toLowerCase(Locale.ROOT) + ": emergency access needed";
        switch (s.approval) {
            case ON_TIME -> row(start - (8 + rng.nextInt(12)) * MIN, "approval", a, approver, incident, null, null, detail);
            case LATE -> row(start + 8 * MIN, "approval", a, approver, incident, null, null, detail + " (given after the fact)");
            case EXTRA_UNAUTHORIZED -> {
                row(start - (10 + rng.nextInt(8)) * MIN, "approval", a, approver, incident, null, null, detail);
                row(start - 4 * MIN, "approval", a, UNAUTHORIZED_APPROVER, incident, null, null, "+1, go ahead");
            }
            case SELF -> row(start - (8 + rng.nextInt(12)) * MIN, "approval", a, holders.get(0), incident, null, null,
                    detail);
            case NONE -> {
            }
        }
    }

    private void notifications(BreakGlassAccount a, Spec s, long start, String incident) {
        String detail = "Break-glass alert: " + a.id() + " signed in";
        long sec = start + (s.notify == Notify.LATE_SECURITY ? 40 * MIN : (2 + rng.nextInt(5)) * MIN);
        row(sec, "notification", a, "pagerduty", incident, "security-leadership", null, detail);
        if (s.notify != Notify.MISSING_ENGINEERING) {
            row(start + (2 + rng.nextInt(6)) * MIN + 2_000L, "notification", a, "pagerduty", incident,
                    "engineering-leadership", null, detail);
        }
    }

    private void rotations(BreakGlassAccount a, Spec s, long end, String incident) {
        if (s.rotation == Rotation.PENDING) {
            return;
        }
        String rotator = a.custodians().get(rng.nextInt(a.custodians().size()));
        long t = end + (60 + rng.nextInt(180)) * MIN;
        for (String credential : a.credentials()) {
            if (s.rotation == Rotation.MISSING_MFA && credential.equals("mfa")) {
                continue;
            }
            long when = s.rotation == Rotation.LATE_PASSWORD && credential.equals("password") ? end + 30 * HOUR : t;
            if (credential.equals("password")) {
                nativePasswordReset(a, rotator, when - 2 * MIN);
            }
            row(when, "rotation", a, rotator, incident, null, credential, "Rotated " + credential
                    + " after the episode; old one invalidated");
            t += (3 + rng.nextInt(10)) * MIN;
        }
    }

    // ---- source-specific records ----

    /** The sign-in that opens an episode; returns the principal its actions run as. */
    private Object login(BreakGlassAccount a, Spec s, long start, List<Long> activity) {
        switch (a.kind()) {
            case AWS -> {
                CloudTrail ct = trails.get(a.aws().id());
                if (s.sso) {
                    String operator = Org.email(Org.PEOPLE[3]);
                    CloudTrail.Principal role = ct.assumedRole(BreakGlassAccount.FEDERATED_ROLE, operator, true);
                    String provider = "arn:aws:iam::" + a.aws().id() + ":saml-provider/Okta";
                    plantCt(a, "us-east-1", start, activity, (g, r) -> ct.assumeRoleWithSaml(g, r, start, operator,
                            BreakGlassAccount.FEDERATED_ROLE, OFFICE_IP));
                    plantCt(a, "us-east-1", start, activity, (g, r) -> ct.consoleLogin(g, r, start, role, OFFICE_IP,
                            CloudTrail.BROWSER, false, null, true, provider));
                    return role;
                }
                CloudTrail.Principal user = ct.iamUser(a.identity(), true);
                String mfa = switch (s.mfa) {
                    case STRONG -> "arn:aws:iam::" + a.aws().id() + ":u2f/user/" + a.identity() + "/breakglass-key-"
                            + CloudTrail.id(a.id(), 26);
                    case TOTP -> "arn:aws:iam::" + a.aws().id() + ":mfa/" + a.identity();
                    default -> null;
                };
                plantCt(a, "us-east-1", start, activity, (g, r) -> ct.consoleLogin(g, r, start, user, OFFICE_IP,
                        CloudTrail.BROWSER, mfa != null, mfa, true, null));
                return user;
            }
            case OKTA -> {
                Okta.Factor factor = switch (s.mfa) {
                    case TOTP -> Okta.TOTP;
                    case SMS -> Okta.SMS;
                    default -> Okta.WEBAUTHN;
                };
                String name = a.identity().substring(0, a.identity().indexOf('@'));
                plant(Source.OKTA, start, activity, (g, r) -> Okta.event(g, r, start, "user.authentication.auth_via_mfa",
                        "Authentication of user via MFA", a.identity(), name, "SUCCESS", null, null, factor, OFFICE_IP));
                long session = start + 15_000L;
                plant(Source.OKTA, session, activity, (g, r) -> Okta.event(g, r, session, "user.session.start",
                        "User login to Okta", a.identity(), name, "SUCCESS", null, "Okta Admin Console", factor, OFFICE_IP));
                return a.identity();
            }
            case ENTRA -> {
                List<String> methods = switch (s.mfa) {
                    case SMS -> List.of("Password", "Text message");
                    case TOTP -> List.of("Password", "Mobile app verification code");
                    case NONE -> List.of("Password");
                    case STRONG -> List.of("Password", "FIDO2 security key");
                };
                plant(Source.ENTRA_SIGNIN, start, activity, (g, r) -> Entra.signIn(g, r, start, a.identity(),
                        "Break Glass Admin 01", new String[]{"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
                        OFFICE_IP, true, true, methods, false));
                return a.identity();
            }
            case GCP -> {
                return a.identity();
            }
        }
        throw new IllegalStateException();
    }

    private void action(BreakGlassAccount a, Object principal, long t, int step, List<Long> activity) {
        switch (a.kind()) {
            case AWS -> {
                CloudTrail ct = trails.get(a.aws().id());
                String[][] calls = {{"ec2", "DescribeInstances"}, {"ecs", "UpdateService"}, {"rds", "ModifyDBInstance"},
                        {"ec2", "StopInstances"}, {"lambda", "UpdateFunctionConfiguration"}, {"ecs", "DescribeServices"},
                        {"ec2", "RebootInstances"}, {"rds", "DescribeDBInstances"}};
                String[] c = calls[step % calls.length];
                String region = a.aws().regions()[0];
                Map<String, Object> request = JsonValues.map("target", "orders-" + (step % 3 == 0 ? "api" : "db"));
                plantCt(a, region, t, activity, (g, r) -> ct.call(g, r, t, (CloudTrail.Principal) principal, region,
                        OFFICE_IP, CloudTrail.BROWSER, c[0], c[1], c[1].startsWith("Describe"), request, null));
            }
            case OKTA -> {
                String[][] events = {{"policy.rule.update", "Update policy rule"},
                        {"user.session.access_admin_app", "User accessing Okta admin app"},
                        {"policy.lifecycle.update", "Update policy"},
                        {"application.lifecycle.update", "Update application"}};
                String[] e = events[step % events.length];
                String name = a.identity().substring(0, a.identity().indexOf('@'));
                plant(Source.OKTA, t, activity, (g, r) -> Okta.event(g, r, t, e[0], e[1], a.identity(), name,
                        "SUCCESS", null, "Okta Admin Console", null, OFFICE_IP));
            }
            case ENTRA -> {
                String[] ops = {"Update conditional access policy", "Update named location", "Update user",
                        "Update application"};
                String op = ops[step % ops.length];
                String target = op.equals("Update user") ? Entra.upn(Org.PEOPLE[7]) : null;
                plant(Source.ENTRA_AUDIT, t, activity, (g, r) -> Entra.audit(g, r, t, op, a.identity(), target,
                        OFFICE_IP, List.of(Map.of("displayName", "State", "oldValue", "\"enabled\"",
                                "newValue", "\"disabled\""))));
            }
            case GCP -> {
                String[][] methods = {{"compute.googleapis.com", "v1.compute.instances.stop", "compute.instances.stop"},
                        {"container.googleapis.com", "google.container.v1.ClusterManager.SetNodePoolSize",
                                "container.clusters.update"},
                        {"compute.googleapis.com", "v1.compute.instances.start", "compute.instances.start"},
                        {"container.googleapis.com", "io.k8s.apps.v1.deployments.patch", "io.k8s.apps.v1.deployments.patch"}};
                String[] m = methods[step % methods.length];
                String resource = "projects/" + GCP_PROJECT + "/zones/europe-west1-b/instances/api-" + (step % 3);
                plant(Source.GCP, t, activity, (g, r) -> Gcp.entry(g, r, t, GCP_PROJECT, a.identity(), OFFICE_IP,
                        m[0], m[1], m[2], resource, "gce_instance", false, false, null, null));
            }
        }
    }

    private void persistentAccess(BreakGlassAccount a, Object principal, long t, Access access, List<Long> activity) {
        if (a.kind() == Kind.AWS) {
            CloudTrail ct = trails.get(a.aws().id());
            CloudTrail.Principal p = (CloudTrail.Principal) principal;
            String key = "AKIA" + CloudTrail.id(seed + "/" + t, 16);
            String user = "incident-automation";
            plantCt(a, "us-east-1", t, activity, (g, r) -> ct.call(g, r, t, p, "us-east-1", OFFICE_IP, CloudTrail.BROWSER,
                    "iam", "CreateAccessKey", false, JsonValues.map("userName", user),
                    JsonValues.map("accessKey", JsonValues.map("accessKeyId", key, "status", "Active",
                            "userName", user, "createDate", Iso.seconds(t)))));
            if (access == Access.TEMP_REMOVED) {
                long del = t + 25 * MIN;
                plantCt(a, "us-east-1", del, activity, (g, r) -> ct.call(g, r, del, p, "us-east-1", OFFICE_IP,
                        CloudTrail.BROWSER, "iam", "DeleteAccessKey", false,
                        JsonValues.map("userName", user, "accessKeyId", key), null));
            }
        } else if (a.kind() == Kind.GCP) {
            String sa = "projects/" + GCP_PROJECT + "/serviceAccounts/incident-automation@" + GCP_PROJECT
                    + ".iam.gserviceaccount.com";
            String keyName = sa + "/keys/" + new Rand(seed, Rand.key("sa-key/" + t)).hex(40);
            plant(Source.GCP, t, activity, (g, r) -> Gcp.entry(g, r, t, GCP_PROJECT, a.identity(), OFFICE_IP,
                    "iam.googleapis.com", "google.iam.admin.v1.CreateServiceAccountKey", "iam.serviceAccountKeys.create",
                    sa, "service_account", false, false,
                    JsonValues.map("@type", "type.googleapis.com/google.iam.admin.v1.CreateServiceAccountKeyRequest",
                            "name", sa, "private_key_type", 2),
                    JsonValues.map("@type", "type.googleapis.com/google.iam.admin.v1.ServiceAccountKey",
                            "name", keyName, "key_algorithm", 2, "key_origin", 2, "key_type", 1, "private_key_type", 2)));
        } else {
            throw new IllegalStateException("no persistent-access scenario for " + a.kind());
        }
    }

    private void nativePasswordReset(BreakGlassAccount a, String admin, long t) {
        switch (a.kind()) {
            case AWS -> {
                CloudTrail ct = trails.get(a.aws().id());
                CloudTrail.Principal p = ct.assumedRole("AWSReservedSSO_AdministratorAccess_"
                        + CloudTrail.id(a.aws().id() + "AdministratorAccess", 16).toLowerCase(Locale.ROOT), admin, true);
                plant(Source.CLOUDTRAIL, Layout.cloudTrail(seed, a.aws(), "us-east-1", Layout.hourStart(t)), t,
                        (g, r) -> ct.call(g, r, t, p, "us-east-1", OFFICE_IP, CloudTrail.BROWSER, "iam",
                                "UpdateLoginProfile", false, JsonValues.map("userName", a.identity(),
                                        "passwordResetRequired", false), null));
            }
            case OKTA -> plant(Source.OKTA, Source.OKTA.dailyFile(Iso.day(t)), t, (g, r) -> Okta.event(g, r, t,
                    "user.account.reset_password", "Reset password for user", admin,
                    admin.substring(0, admin.indexOf('@')), "SUCCESS", null, a.identity(), null, OFFICE_IP));
            case ENTRA -> plant(Source.ENTRA_AUDIT, Source.ENTRA_AUDIT.dailyFile(Iso.day(t)), t, (g, r) -> Entra.audit(g,
                    r, t, "Reset user password", admin, a.identity(), OFFICE_IP, List.of()));
            case GCP -> {
                // Google Workspace password changes are not in Cloud Audit Logs: evidence only.
            }
        }
    }

    /** An administrator attaches a policy to the AWS break-glass user outside any use, with no change record. */
    void changedBetweenUses(BreakGlassAccount a, long t) {
        CloudTrail ct = trails.get(a.aws().id());
        String admin = Org.email(Org.PEOPLE[5]);
        CloudTrail.Principal p = ct.assumedRole("AWSReservedSSO_AdministratorAccess_"
                + CloudTrail.id(a.aws().id() + "AdministratorAccess", 16).toLowerCase(Locale.ROOT), admin, true);
        plant(Source.CLOUDTRAIL, Layout.cloudTrail(seed, a.aws(), "us-east-1", Layout.hourStart(t)), t,
                (g, r) -> ct.call(g, r, t, p, "us-east-1", OFFICE_IP, CloudTrail.BROWSER, "iam", "AttachUserPolicy",
                        false, JsonValues.map("userName", a.identity(),
                                "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"), null));
        expected.add(new Expected("BG-ACCOUNT-CHANGED", a.id(), null));
    }

    /** Two custodians release their shares minutes apart; no use follows and nothing is rotated. */
    void sealOpenedWithoutUse(BreakGlassAccount a, long t) {
        List<String> holders = a.custodians().stream().filter(c -> !BreakGlassAccount.APPROVERS.contains(c)).toList();
        for (int i = 0; i < 2; i++) {
            custody(a, holders.get(i), i, t + i * 3 * MIN + rng.nextInt(60) * 1000L, null);
        }
        expected.add(new Expected("BG-SEAL-BROKEN", a.id(), null));
    }

    void failedLogins(BreakGlassAccount a, long t) {
        for (int i = 0; i < 3; i++) {
            failedLogin(a, t + i * (70_000L + rng.nextInt(40) * 1000L));
        }
        expected.add(new Expected("BG-FAILED-LOGIN", a.id(), null));
    }

    private void failedLogin(BreakGlassAccount a, long t) {
        String ip = "185.220.101." + (10 + rng.nextInt(200));
        switch (a.kind()) {
            case AWS -> {
                CloudTrail ct = trails.get(a.aws().id());
                CloudTrail.Principal user = ct.iamUser(a.identity(), true);
                plant(Source.CLOUDTRAIL, Layout.cloudTrail(seed, a.aws(), "us-east-1", Layout.hourStart(t)), t,
                        (g, r) -> ct.consoleLogin(g, r, t, user, ip, CloudTrail.BROWSER, false, null, false, null));
            }
            case OKTA -> {
                String name = a.identity().substring(0, a.identity().indexOf('@'));
                plant(Source.OKTA, Source.OKTA.dailyFile(Iso.day(t)), t, (g, r) -> Okta.event(g, r, t,
                        "user.session.start", "User login to Okta", a.identity(), name, "FAILURE",
                        "INVALID_CREDENTIALS", null, null, OFFICE_IP));
                expected.add(new Expected("BG-FAILED-LOGIN", a.id(), null));
            }
            default -> throw new IllegalStateException("no failed-login scenario for " + a.kind());
        }
    }

    private void plantCt(BreakGlassAccount a, String region, long t, List<Long> activity, Body body) {
        plant(Source.CLOUDTRAIL, Layout.cloudTrail(seed, a.aws(), region, Layout.hourStart(t)), t, body);
        activity.add(t);
    }

    private void plant(Source source, long t, List<Long> activity, Body body) {
        plant(source, source.dailyFile(Iso.day(t)), t, body);
        activity.add(t);
    }

    private void plant(Source source, String file, long t, Body body) {
        if (t < from || t >= to) {
            throw new IllegalStateException("planted record outside the period: " + Iso.seconds(t));
        }
        if (source == Source.GCP && t >= outageFrom && t < outageTo) {
            throw new IllegalStateException("planted GCP record inside the planted outage: " + Iso.seconds(t));
        }
        planted.add(new Planted(source, file, t, seq++, body));
    }

    private void row(long t, String kind, BreakGlassAccount a, String actor, String incident, String recipient,
                     String credential, String detail) {
        evidence.add(new EvidenceRow(t, kind, a.id(), actor, incident, recipient, credential, detail));
    }

    // ---- the programme: drills and reviews, judged as of the period end ----

    void program() {
        // days before the period end of each account's drills and reviews (the drill episode adds its own drill)
        int[][] drills = {{20, 115}, {45}, {130}, {150, 240}, {}, {10, 100}};
        int[][] reviews = {{200}, {430}, {100}, {60}, {}, {300}};
        List<BreakGlassAccount> all = BreakGlassAccount.ALL;
        for (int i = 0; i < all.size(); i++) {
            BreakGlassAccount a = all.get(i);
            for (int d : drills[i]) {
                row(programTime(d), "drill", a, a.custodians().get(1), null, null, null,
                        "Quarterly drill: seal intact, runbook current, custodians reachable");
            }
            for (int d : reviews[i]) {
                row(programTime(d), "review", a, BreakGlassAccount.APPROVERS.get(0), null, null, null,
                        "Annual review of need: account retained, privileges unchanged");
            }
        }
        for (BreakGlassAccount a : all) {
            if (!hasProgramEvent(a, "drill", DRILL_EVERY)) {
                expected.add(new Expected("BG-DRILL-OVERDUE", a.id(), null));
            }
            if (!hasProgramEvent(a, "review", REVIEW_EVERY)) {
                expected.add(new Expected("BG-REVIEW-OVERDUE", a.id(), null));
            }
        }
    }

    private long programTime(int daysBeforeEnd) {
        long t = Layout.dayStart(to) - daysBeforeEnd * DAY + (9 + rng.nextInt(8)) * HOUR + rng.nextInt(60) * MIN;
        return Math.min(t, to - HOUR);
    }

    private boolean hasProgramEvent(BreakGlassAccount a, String kind, Period every) {
        long since = Instant.ofEpochMilli(to).atZone(ZoneOffset.UTC).minus(every).toInstant().toEpochMilli();
        return evidence.stream().anyMatch(e -> e.kind().equals(kind) && Objects.equals(e.account(), a.id())
                && e.time() >= since && e.time() < to);
    }
}
