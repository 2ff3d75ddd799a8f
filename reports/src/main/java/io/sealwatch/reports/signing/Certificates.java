package io.sealwatch.reports.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** How a certificate is named to people: its subject and the SHA-256 fingerprint of its DER encoding. */
public final class Certificates {

    private Certificates() {
    }

    /** Upper-case hex pairs joined by colons, as {@code openssl x509 -noout -fingerprint -sha256} prints it. */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** "subject (SHA-256 fingerprint AB:CD:…)", in RFC 2253 form. */
    public static String describe(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName() + " (SHA-256 fingerprint " + fingerprint(cert) + ")";
    }
}
