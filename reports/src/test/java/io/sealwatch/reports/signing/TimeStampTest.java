package io.sealwatch.reports.signing;

import io.sealwatch.reports.Fixtures;
import io.sealwatch.result.Renderer;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.bundle.Manifest;
import io.sealwatch.reports.bundle.Verifier;
import io.sealwatch.reports.bundle.VerifyResult;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3161 signature time-stamps, against a real TSA on loopback ({@link LocalTsa}). */
class TimeStampTest {

    static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.14");
    static final byte[] CONTENT = "{\"hello\": \"manifest\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    static Signer plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void key() throws Exception {
        plain = Fixtures.signer(keys);
    }

    @Test
    void manifestSignatureCarriesAVerifiedTokenThatOpensslAccepts() throws Exception {
        try (LocalTsa tsa = new LocalTsa(LocalTsa.Mode.GRANT)) {
            Signer s = plain.withTimestamps(tsa.url());
            assertTrue(s.timestamped());
            byte[] p7s = s.signDetached(CONTENT);
            assertEquals(1, tsa.requests());

            SignerInformation si = signerInfo(p7s);
            TimeStampToken token = onlyToken(si);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(si.getSignature()),
                    token.getTimeStampInfo().getMessageImprintDigest(), "the token is over the signature value");
            assertEquals(LocalTsa.POLICY, token.getTimeStampInfo().getPolicy());
            assertEquals(s.certificate(), CmsVerifier.verify(p7s, CONTENT).signer());
            assertEquals(LocalTsa.GEN_TIME.toInstant(), CmsVerifier.verify(p7s, CONTENT).attestedTime(), "the TSA's time");

            Path content = Files.write(dir.resolve("manifest.json"), CONTENT);
            Path sig = Files.write(dir.resolve("manifest.json.p7s"), p7s);
            assertEquals(0, OpenSsl.verify(sig, content), "openssl cms -verify accepts the stamped signature");

            // openssl, independently: the token is a valid time-stamp over the signature value
            Path tok = Files.write(dir.resolve("token.tsr"), token.getEncoded());
            Path value = Files.write(dir.resolve("signature-value.bin"), si.getSignature());
            Path tsaPem = Files.writeString(dir.resolve("tsa.pem"), TestPki.pem(LocalTsa.CERT.getEncoded()));
            String text = openssl("ts", "-reply", "-in", tok.toString(), "-token_in", "-text");
            System.out.println(text);
            assertTrue(text.contains("Policy OID: 1.3.6.1.4.1.55555.1.1"), text);
            String verified = openssl("ts", "-verify", "-in", tok.toString(), "-token_in", "-data", value.toString(),
                    "-CAfile", tsaPem.toString());
            assertTrue(verified.contains("Verification: OK"), verified);
            Files.write(value, CONTENT);
            assertFalse(openssl("ts", "-verify", "-in", tok.toString(), "-token_in", "-data", value.toString(),
                    "-CAfile", tsaPem.toString()).contains("Verification: OK"), "openssl rejects other data");
        }
    }

    @Test
    void bundleIsStampedThroughoutAndVerifies() throws Exception {
        Path out = dir.resolve("bundle");
        try (LocalTsa tsa = new LocalTsa(LocalTsa.Mode.GRANT)) {
            Bundle.write(Fixtures.oneFinding(), out, plain.withTimestamps(tsa.url()), List.of(new OnePagePdf()));
            assertEquals(2, tsa.requests(), "one stamp for the PDF, one for the manifest");
        }
        VerifyResult v = Verifier.verify(out);
        assertTrue(v.ok(), v.problems().toString());
        onlyToken(signerInfo(Files.readAllBytes(out.resolve(Manifest.SIGNATURE))));
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), sig.getSubFilter());
            onlyToken(signerInfo(sig.getContents(pdf)));
        }
        assertEquals(0, OpenSsl.verify(out.resolve(Manifest.SIGNATURE), out.resolve(Manifest.FILE)));
        if (new File("/usr/bin/pdfsig").canExecute()) {
            Process p = new ProcessBuilder("pdfsig", out.resolve("report.pdf").toString()).redirectErrorStream(true).start();
            String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertTrue(shown.contains("Signature is Valid"), shown);
            assertTrue(shown.contains("Total document signed"), shown);
        }
    }

    @Test
    void aTsaAnsweringHttp500FailsTheBundleNamingTheUrl() throws Exception {
        Path out = dir.resolve("bundle");
        try (LocalTsa tsa = new LocalTsa(LocalTsa.Mode.HTTP_500)) {
            Signer s = plain.withTimestamps(tsa.url());
            SigningException e = assertThrows(SigningException.class,
                    () -> Bundle.write(Fixtures.oneFinding(), out, s, List.of(new OnePagePdf())));
            assertTrue(e.getMessage().contains(tsa.url()) && e.getMessage().contains("HTTP 500"), e.getMessage());
        }
        assertFalse(Files.exists(out), "no bundle, rather than an unstamped one");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temp folder left");
        }
    }

    @Test
    void rejectedForgedOrUnreachableTimeStampsFailNamingTheUrl() throws Exception {
        for (LocalTsa.Mode mode : List.of(LocalTsa.Mode.REJECT, LocalTsa.Mode.WRONG_IMPRINT, LocalTsa.Mode.WRONG_KEY)) {
            try (LocalTsa tsa = new LocalTsa(mode)) {
                Signer s = plain.withTimestamps(tsa.url());
                SigningException e = assertThrows(SigningException.class, () -> s.signDetached(CONTENT), mode.name());
                assertTrue(e.getMessage().contains("time-stamp authority " + tsa.url()), e.getMessage());
                assertEquals(1, tsa.requests());
            }
        }
        String gone;
        try (LocalTsa tsa = new LocalTsa(LocalTsa.Mode.GRANT)) {
            gone = tsa.url();
        }
        Signer s = plain.withTimestamps(gone);
        SigningException e = assertThrows(SigningException.class, () -> s.signDetached(CONTENT));
        assertTrue(e.getMessage().contains(gone) && e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void verificationFailsOnATokenNotOverTheSignatureOrNotSignedByItsCertificate() throws Exception {
        byte[] p7s = plain.signDetached(CONTENT);
        byte[] value = signerInfo(p7s).getSignature();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
        CmsVerifier.verify(withToken(p7s, LocalTsa.token(digest, false)), CONTENT);

        byte[] otherDigest = MessageDigest.getInstance("SHA-256").digest(CONTENT);
        SigningException imprint = assertThrows(SigningException.class,
                () -> CmsVerifier.verify(withToken(p7s, LocalTsa.token(otherDigest, false)), CONTENT));
        assertTrue(imprint.getMessage().contains("message imprint"), imprint.getMessage());
        SigningException forged = assertThrows(SigningException.class,
                () -> CmsVerifier.verify(withToken(p7s, LocalTsa.token(digest, true)), CONTENT));
        assertTrue(forged.getMessage().contains("time-stamp token does not verify"), forged.getMessage());

        // in a bundle, the bad token is reported against the artifact it is on
        Path out = dir.resolve("bundle");
        Bundle.write(Fixtures.oneFinding(), out, plain, List.of(new OnePagePdf()));
        assertTrue(Verifier.verify(out).ok());
        Path sig = out.resolve(Manifest.SIGNATURE);
        Files.write(sig, withToken(Files.readAllBytes(sig), LocalTsa.token(otherDigest, false)));
        VerifyResult v = Verifier.verify(out);
        assertFalse(v.ok());
        assertEquals(Manifest.FILE, v.firstBadArtifact());
        assertTrue(v.problems().get(0).contains("time-stamp"), v.problems().toString());
    }

    @Test
    void withoutATsaNothingChanges() throws Exception {
        assertSame(plain, plain.withTimestamps(null));
        assertSame(plain, plain.withTimestamps("  "));
        assertFalse(plain.timestamped());
        assertNull(signerInfo(plain.signDetached(CONTENT)).getUnsignedAttributes());
    }

    @Test
    void aTsaUrlMustBeHttpWithoutCredentials() {
        for (String bad : List.of("ftp://tsa.example.com/", "tsa.example.com", "http://", "http://exa mple.com/")) {
            SigningException e = assertThrows(SigningException.class, () -> plain.withTimestamps(bad), bad);
            assertTrue(e.getMessage().contains("signing.tsa-url"), e.getMessage());
        }
        SigningException e = assertThrows(SigningException.class,
                () -> plain.withTimestamps("https://user:s3cret@tsa.example.com/"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    private static SignerInformation signerInfo(byte[] der) throws Exception {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            return new CMSSignedData(ContentInfo.getInstance(in.readObject())).getSignerInfos().getSigners().iterator().next();
        }
    }

    private static TimeStampToken onlyToken(SignerInformation si) throws Exception {
        AttributeTable unsigned = si.getUnsignedAttributes();
        assertEquals(1, unsigned.size(), "only the signature time-stamp is unsigned");
        Attribute a = unsigned.get(SIGNATURE_TIME_STAMP);
        assertEquals(1, a.getAttrValues().size());
        return new TimeStampToken(ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
    }

    /** {@code p7s} with its unsigned attributes replaced by the given signature time-stamp token. */
    private static byte[] withToken(byte[] p7s, TimeStampToken token) throws Exception {
        try (ASN1InputStream in = new ASN1InputStream(p7s)) {
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(new Attribute(
                    SIGNATURE_TIME_STAMP,
                    new DERSet(token.toCMSSignedData().toASN1Structure()))));
            return CMSSignedData.replaceSigners(cms, new SignerInformationStore(stamped)).toASN1Structure().getEncoded("DER");
        }
    }

    private static String openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        return out;
    }

    /** A minimal PDF renderer, so these tests do not depend on the report layout. */
    private static final class OnePagePdf implements Renderer {
        @Override
        public String name() {
            return "one-page-pdf";
        }

        @Override
        public List<String> files(RunResult result) {
            return List.of("report.pdf");
        }

        @Override
        public void render(RunResult result, Path dir) throws IOException {
            try (PDDocument doc = new PDDocument()) {
                doc.addPage(new PDPage());
                doc.save(dir.resolve("report.pdf").toFile());
            }
        }
    }
}
