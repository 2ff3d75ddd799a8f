package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** A tiny PKI for tests, made with BouncyCastle: EC keys, CA and signing certificates, PKCS#12 files, PEM. */
final class TestPki {

    private TestPki() {
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
            return kpg.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate for {@code subject}'s public key, signed by {@code issuerKey}; self-signed when
     * {@code issuer} is null. A CA may sign certificates; any other certificate may sign documents.
     */
    static X509Certificate certificate(String cn, KeyPair subject, X509Certificate issuer, PrivateKey issuerKey,
                                       boolean ca, Instant from, Instant to) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        X500Name issuerName = issuer == null ? name : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(from), Date.from(to), name,
                subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuer == null ? subject.getPrivate() : issuerKey)));
    }

    /** A PKCS#12 file holding {@code key} under {@link KeyTool#ALIAS} with its chain, signer first. */
    static Path keystore(Path file, PrivateKey key, char[] password, X509Certificate... chain) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(KeyTool.ALIAS, key, password, chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    /** {@code cert} written as a PEM file. */
    static Path pemFile(Path file, X509Certificate cert) throws Exception {
        return Files.writeString(file, pem(cert.getEncoded()));
    }
}
