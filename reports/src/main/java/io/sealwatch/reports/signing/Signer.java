package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The signing key of a bundle, loaded from PKCS#12. Produces detached CMS signatures (DER,
 * SHA256withECDSA, the certificate chain of the keystore included, so that a verifier holding only the
 * root CA can build the path) with the ESS signing-certificate-v2 attribute that PAdES and CAdES
 * require. PDF signatures carry no signing-time (PAdES takes the time from the signature dictionary);
 * the manifest's does ({@link #signDetachedWithSigningTime}).
 * {@link #withTimestamps} adds an RFC 3161 signature time-stamp from a time-stamp authority to every
 * signature (B-T level).
 */
public final class Signer {

    private final PrivateKey key;
    /** The signer's certificate first, then its issuers as the keystore holds them. */
    private final List<X509Certificate> chain;
    /** null: no time-stamps */
    private final TimeStampAuthority tsa;

    private Signer(PrivateKey key, List<X509Certificate> chain, TimeStampAuthority tsa) {
        this.key = key;
        this.chain = chain;
        this.tsa = tsa;
    }

    public static Signer load(Path keystore, char[] password, String alias) throws SigningException {
        if (!Files.isRegularFile(keystore)) {
            throw new SigningException("keystore " + keystore + " does not exist");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            if (!ks.isKeyEntry(alias)) {
                throw new SigningException("keystore " + keystore + " has no key with alias '" + alias + "'");
            }
            PrivateKey key = (PrivateKey) ks.getKey(alias, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            return new Signer(key, List.copyOf(chain), null);
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException caused by UnrecoverableKeyException
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SigningException("cannot open keystore " + keystore + ": wrong password");
            }
            throw new SigningException("cannot read keystore " + keystore + ": " + e.getMessage(), e);
        } catch (UnrecoverableKeyException e) {
            throw new SigningException("cannot open key '" + alias + "' in keystore " + keystore + ": wrong password");
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot read keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * This key, time-stamping every signature at the given RFC 3161 time-stamp authority
     * ({@code signing.tsa-url}); {@code this} when the URL is null or blank. Signing then fails when the
     * authority cannot be reached or does not grant a valid time-stamp.
     *
     * @throws SigningException when the URL is not an http(s) URL
     */
    public Signer withTimestamps(String tsaUrl) throws SigningException {
        return tsaUrl == null || tsaUrl.isBlank() ? this : new Signer(key, chain, TimeStampAuthority.of(tsaUrl));
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether signatures carry a time-stamp token (they are larger: PDFs reserve more room). */
    public boolean timestamped() {
        return tsa != null;
    }

    /** A detached CMS SignedData over {@code content}, DER, without signing-time (PAdES); time-stamped if a TSA is set. */
    public byte[] signDetached(byte[] content) throws SigningException {
        return sign(content, false);
    }

    /**
     * As {@link #signDetached}, with the signing-time attribute (this clock's time): a signature outside a
     * PDF has no other place to say when it was made, and verify checks a pinned signer's certificate at
     * that time when there is no time-stamp.
     */
    public byte[] signDetachedWithSigningTime(byte[] content) throws SigningException {
        return sign(content, true);
    }

    private byte[] sign(byte[] content, boolean withSigningTime) throws SigningException {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            AttributeTable extra = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(signingCertificateV2())));
            // the default generator adds signing-time (now) unless it is already there
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(params -> withSigningTime ? defaults.getAttributes(params)
                            : defaults.getAttributes(params).remove(CMSAttributes.signingTime))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate()));
            gen.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), false);
            if (tsa != null) {
                signed = tsa.stamp(signed);
            }
            return signed.toASN1Structure().getEncoded("DER");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new SigningException("cannot sign: " + e.getMessage(), e);
        }
    }

    private SigningCertificateV2 signingCertificateV2() throws GeneralSecurityException {
        X509Certificate certificate = certificate();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                issuerSerial));
    }
}
