package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Makes the trial signing key ({@code sealwatch keys init}): an EC P-256 key with a self-signed
 * certificate valid for two years, in a PKCS#12 file readable by its owner only. Production bundles
 * should use a key issued by the organisation's CA instead.
 */
public final class KeyTool {

    public static final String FILE = "sealwatch.p12";
    public static final String ALIAS = "sealwatch";
    public static final String SUBJECT = "CN=Sealwatch trial signing key";

    private KeyTool() {
    }

    public static Path init(Path dir, char[] password) throws IOException, SigningException {
        return init(dir, password, Clock.systemUTC());
    }

    /** Refuses to overwrite an existing keystore: losing a key would orphan every bundle it signed. */
    public static Path init(Path dir, char[] password, Clock clock) throws IOException, SigningException {
        if (password == null || password.length == 0) {
            throw new SigningException("an empty keystore password is not allowed");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a keystore is already there; not overwriting it");
        }
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = kpg.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name(SUBJECT);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minusSeconds(300)),
                    Date.from(ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(2).toInstant()), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, kp.getPrivate(), password, new Certificate[]{cert});
            Path tmp = Files.createTempFile(dir, ".sealwatch", ".p12.tmp");
            try {
                Permissions.ownerOnly(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, password);
                }
                Files.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new SigningException("cannot create the signing key in " + file + ": " + e.getMessage(), e);
        }
    }
}
