package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.engine.spark.Sparks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.sealwatch.cli.fault.FaultKit.ACCOUNT;
import static io.sealwatch.cli.fault.FaultKit.ARN;
import static io.sealwatch.cli.fault.FaultKit.JSON;
import static io.sealwatch.cli.fault.FaultKit.OKTA_ID;
import static io.sealwatch.cli.fault.FaultKit.SEALED;
import static io.sealwatch.cli.fault.FaultKit.cloudTrail;
import static io.sealwatch.cli.fault.FaultKit.lines;
import static io.sealwatch.cli.fault.FaultKit.okta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets planted in raw events (normalised, irrelevant and quarantined ones) and the keystore
 * password must not appear in any byte of a signed bundle, nor on stderr.
 */
class PlantedSecretsTest {
    /** What to search for -> the planted value (each value starts with its marker, so a half secret is caught). */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("5ec7e75ec7e75ec7e7", "hmac-sha256:5ec7e75ec7e75ec7e7aaaa1111bbbb2222cccc3333dddd4444eeee5555ff");
        SECRETS.put("PLANTEDSESSIONTOKEN", "PLANTEDSESSIONTOKEN01IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH");
        SECRETS.put("PLANTEDAMZTOKEN", "PLANTEDAMZTOKEN02FwoGZXIvYXdzEJr//////////wEaDM");
        SECRETS.put("PLANTEDSECRETKEY", "PLANTEDSECRETKEY03wJalrXUtnFEMI/K7MDENG/bPxRfiCY");
        SECRETS.put("UExBTlRFRFNBTUw", "UExBTlRFRFNBTUwwNFBEOTRiV3dnZG1WeWMybHZiajBpTVM0d0lqOCtQSE5o");
        SECRETS.put("PlantedPassw0rd", "PlantedPassw0rd-05");
        SECRETS.put("PlantedNewPassw0rd", "PlantedNewPassw0rd-06");
        SECRETS.put("PlantedOldPassw0rd", "PlantedOldPassw0rd-07");
    }

    static final String KEYSTORE_PASSWORD = "PlantedKeystorePass-08";

    @TempDir
    static Path tmp;
    static Path bundle;
    static int exit;
    static String err;

    @BeforeAll
    static void runSigned() throws Exception {
        Path org = tmp.resolve("org");
        Path config = FaultKit.signedConfig(org, "SEALWATCH_PLANTED_SECRETS_UNSET", KEYSTORE_PASSWORD);
        plant(org.resolve("logs"));
        bundle = tmp.resolve("bundle");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            exit = FaultKit.runSignedQ3(config, bundle, KEYSTORE_PASSWORD, new PrintStream(captured, true, StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            FaultKit.CRASHES.incrementAndGet();
            throw e;
        }
        err = captured.toString(StandardCharsets.UTF_8);
    }

    static void plant(Path logs) throws IOException {
        String s = "2026-08-10T10:0";
        List<Object> ct = new ArrayList<>();
        ObjectNode login = cloudTrail("k-1", s + "0:00Z", "ConsoleLogin", ARN);
        login.putObject("requestParameters").put("x-amz-security-token", SECRETS.get("PLANTEDAMZTOKEN"));
        login.put("errorMessage", "denied for https://sts.amazonaws.com/?X-Amz-Security-Token="
                + SECRETS.get("PLANTEDAMZTOKEN") + "&password=" + SECRETS.get("PlantedPassw0rd"));
        ct.add(login);
        ObjectNode key = cloudTrail("k-2", s + "1:00Z", "CreateAccessKey", ARN);
        key.putObject("requestParameters").put("userName", "breakglass-admin");
        ObjectNode ak = key.putObject("responseElements").putObject("accessKey");
        ak.put("accessKeyId", "AKIAPLANTEDKEYID0001");
        ak.put("secretAccessKey", SECRETS.get("PLANTEDSECRETKEY"));
        ak.put("status", "Active");
        ct.add(key);
        ObjectNode assume = cloudTrail("k-3", s + "2:00Z", "AssumeRole", ARN);
        ObjectNode creds = assume.putObject("responseElements").putObject("credentials");
        creds.put("accessKeyId", "ASIAPLANTED0003");
        creds.put("sessionToken", SECRETS.get("PLANTEDSESSIONTOKEN"));
        creds.put("secretAccessKey", SECRETS.get("PLANTEDSECRETKEY"));
        ct.add(assume);
        ObjectNode saml = cloudTrail("k-4", s + "3:00Z", "AssumeRoleWithSAML", ARN);
        saml.putObject("requestParameters").put("SAMLAssertion", SECRETS.get("UExBTlRFRFNBTUw"));
        ct.add(saml);
        ObjectNode change = cloudTrail("k-5", s + "4:00Z", "ChangePassword", ARN);
        ObjectNode p = change.putObject("requestParameters");
        p.put("oldPassword", SECRETS.get("PlantedOldPassw0rd"));
        p.put("newPassword", SECRETS.get("PlantedNewPassw0rd"));
        p.put("password", SECRETS.get("PlantedPassw0rd"));
        change.put("errorMessage", "policy rejected newPassword=" + SECRETS.get("PlantedNewPassw0rd") + " token "
                + SECRETS.get("5ec7e75ec7e75ec7e7"));
        ct.add(change);
        // quarantined: a wrong-typed time with every secret early in the record …
        ObjectNode bad = JSON.createObjectNode();
        bad.put("eventTime", 12);
        bad.put("sessionToken", SECRETS.get("PLANTEDSESSIONTOKEN"));
        bad.put("password", SECRETS.get("PlantedPassw0rd"));
        bad.put("SAMLAssertion", SECRETS.get("UExBTlRFRFNBTUw"));
        bad.put("hmac", SECRETS.get("5ec7e75ec7e75ec7e7"));
        bad.put("arn", ARN);
        ct.add(bad);
        // … a record cut off inside a secret, and a long assertion that straddles the excerpt's cut
        ct.add("{\"eventTime\":\"2026-08-10T10:06:00Z\",\"userIdentity\":{\"arn\":\"" + ARN + "\"},\"sessionToken\":\""
                + SECRETS.get("PLANTEDSESSIONTOKEN"));
        ct.add("{\"eventTime\":7,\"SAMLAssertion\":\"" + SECRETS.get("UExBTlRFRFNBTUw") + "A".repeat(5000) + "\"}");
        // irrelevant records with secrets (counted, never copied)
        ct.add(cloudTrail("k-9", s + "7:00Z", "AssumeRole", "arn:aws:iam::111122223333:user/someone-else")
                .put("sessionToken", SECRETS.get("PLANTEDSESSIONTOKEN")));
        lines(logs.resolve("ct/secrets.jsonl"), ct);

        ObjectNode reset = okta("ok-1", s + "5:00Z", "user.account.update_password", OKTA_ID);
        reset.put("displayMessage", "Update password=" + SECRETS.get("PlantedPassw0rd"));
        reset.putObject("debugContext").putObject("debugData").put("newPassword", SECRETS.get("PlantedNewPassw0rd"));
        lines(logs.resolve("okta/secrets.jsonl"), List.of(reset));

        String hmac = SECRETS.get("5ec7e75ec7e75ec7e7");
        List<String> vault = List.of(
                "{\"time\":\"2026-08-10T09:50:00Z\",\"type\":\"request\",\"auth\":{\"client_token\":\"" + hmac
                        + "\",\"accessor\":\"" + hmac + "\",\"display_name\":\"userpass-alice\",\"metadata\":{\"username\":"
                        + "\"alice@example.com\"}},\"request\":{\"id\":\"v-1\",\"operation\":\"read\",\"path\":\"" + SEALED
                        + "share-1\",\"client_token\":\"" + hmac + "\",\"remote_address\":\"10.0.0.5\"}}",
                "{\"time\":\"2026-08-10T09:50:00Z\",\"type\":\"response\",\"auth\":{\"client_token\":\"" + hmac
                        + "\",\"display_name\":\"userpass-alice\",\"metadata\":{\"username\":\"alice@example.com\"}},"
                        + "\"request\":{\"id\":\"v-1\",\"operation\":\"read\",\"path\":\"" + SEALED + "share-1\"},"
                        + "\"response\":{\"data\":{\"password\":\"" + hmac + "\",\"value\":\"" + hmac + "\"}},"
                        + "\"error\":\"wrapped token " + hmac + "\"}");
        Files.writeString(logs.resolve("vault/audit.log"), String.join("\n", vault) + "\n");

        Files.writeString(logs.resolve("evidence/secrets.csv"), "time,kind,account,actor,incident,credential,detail\n"
                + "2026-08-10T09:45:00Z,approval," + ACCOUNT + ",ciso@example.com,INC-9,,\"shared newPassword="
                + SECRETS.get("PlantedNewPassw0rd") + " by phone\"\n"
                + "2026-08-10T11:00:00Z,rotation," + ACCOUNT + ",bob@example.com,INC-9,password,\"old password="
                + SECRETS.get("PlantedOldPassw0rd") + "\"\n");
    }

    @Test
    void theRunCompletesSigned() {
        assertTrue(exit == ExitCode.FINDINGS.code() || exit == ExitCode.OK.code(), err);
        assertEquals(ExitCode.OK.code(), FaultKit.cli("verify", bundle.toString()).exit());
    }

    @Test
    void noPlantedSecretInAnyOutputByte() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Path> files;
        try (var walk = Files.walk(bundle)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("quarantine")), "the quarantine is searched too");
        for (Path f : files) {
            String rel = bundle.relativize(f).toString();
            byte[] bytes = Files.readAllBytes(f);
            search(rel, new String(bytes, StandardCharsets.UTF_8), leaks);
            search(rel + " (latin-1)", new String(bytes, StandardCharsets.ISO_8859_1), leaks);
            if (rel.endsWith(".xlsx")) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        search(rel + "!" + e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8), leaks);
                    }
                }
            } else if (rel.endsWith(".pdf")) {
                try (PDDocument doc = Loader.loadPDF(bytes)) {
                    search(rel + " (text)", new PDFTextStripper().getText(doc), leaks);
                }
            }
        }
        for (String table : List.of("events", "episodes", "findings")) {
            Path dir = bundle.resolve("tables").resolve(table);
            if (Files.isDirectory(dir)) {
                StringBuilder rows = new StringBuilder();
                for (Row r : Sparks.session(null, null).read().parquet(dir.toUri().toString()).collectAsList()) {
                    rows.append(r).append('\n');
                }
                search("tables/" + table + " (read back)", rows.toString(), leaks);
            }
        }
        search("stderr", err, leaks);
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyOutputIsReadableByItsOwnerOnly() throws IOException {
        try (var walk = Files.walk(bundle)) {
            for (Path p : walk.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", perms, p.toString());
            }
        }
    }

    private static void search(String where, String text, List<String> leaks) {
        SECRETS.keySet().forEach(marker -> {
            if (text.contains(marker)) {
                int at = text.indexOf(marker);
                leaks.add(where + ": " + marker + " in …" + text.substring(Math.max(0, at - 60), Math.min(text.length(),
                        at + 40)).replace('\n', ' ') + "…");
            }
        });
        if (text.contains(KEYSTORE_PASSWORD)) {
            leaks.add(where + ": the keystore password");
        }
    }
}
