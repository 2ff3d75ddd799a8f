package io.sealwatch.reports.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningTest {

    static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    @Test
    void trialKeyIsAnEcP256SelfSignedCertificateOwnerOnly() throws Exception {
        Path p12 = KeyTool.init(dir, PASSWORD);
        assertEquals(dir.resolve("sealwatch.p12"), p12);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)));
        Signer s = Signer.load(p12, PASSWORD, KeyTool.ALIAS);
        assertEquals("CN=Sealwatch trial signing key", s.certificate().getSubjectX500Principal().getName());
        assertEquals(s.certificate().getSubjectX500Principal(), s.certificate().getIssuerX500Principal());
        assertEquals(256, ((ECPublicKey) s.certificate().getPublicKey()).getParams().getCurve().getField().getFieldSize());
        long days = (s.certificate().getNotAfter().getTime() - s.certificate().getNotBefore().getTime()) / 86_400_000L;
        assertTrue(days >= 729 && days <= 732, "two years: " + days);
        assertThrows(FileAlreadyExistsException.class, () -> KeyTool.init(dir, PASSWORD));
    }

    @Test
    void wrongPasswordIsAClearErrorWithoutThePassword() throws Exception {
        Path p12 = KeyTool.init(dir, PASSWORD);
        String wrong = "hunter2-secret";
        SigningException e = assertThrows(SigningException.class, () -> Signer.load(p12, wrong.toCharArray(), "sealwatch"));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
        assertTrue(e.getMessage().contains(p12.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertFalse(e.getMessage().contains(new String(PASSWORD)));
        SigningException alias = assertThrows(SigningException.class, () -> Signer.load(p12, PASSWORD, "other"));
        assertTrue(alias.getMessage().contains("alias"), alias.getMessage());
    }

    @Test
    void detachedSignatureVerifiesHereAndWithOpenssl() throws Exception {
        Signer s = Signer.load(KeyTool.init(dir, PASSWORD), PASSWORD, KeyTool.ALIAS);
        byte[] content = "{\"hello\": \"manifest\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = s.signDetached(content);
        assertEquals(s.certificate(), CmsVerifier.verify(sig, content).signer());
        assertNull(CmsVerifier.verify(sig, content).signingTime(), "no signing-time: PAdES forbids it in a PDF's CMS");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant signedAt = CmsVerifier.verify(s.signDetachedWithSigningTime(content), content).signingTime();
        assertTrue(!signedAt.isBefore(before) && !signedAt.isAfter(Instant.now()), "the manifest's says when: " + signedAt);
        byte[] other = content.clone();
        other[3] ^= 1;
        assertThrows(SigningException.class, () -> CmsVerifier.verify(sig, other));

        Path c = Files.write(dir.resolve("manifest.json"), content);
        Path p = Files.write(dir.resolve("manifest.json.p7s"), sig);
        assertEquals(0, OpenSsl.verify(p, c), "openssl accepts the signature");
        Files.write(c, other);
        assertTrue(OpenSsl.verify(p, c) != 0, "openssl rejects changed content");
        // a padded signature (as in a PDF's /Contents) still parses: exactly one ASN.1 object is read
        byte[] padded = java.util.Arrays.copyOf(sig, sig.length + 64);
        assertArrayEquals(s.certificate().getEncoded(), CmsVerifier.verify(padded, content).signer().getEncoded());
    }
}
