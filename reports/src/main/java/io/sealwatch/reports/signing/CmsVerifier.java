package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Store;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Verifies a detached CMS signature against its content with the certificate it carries. Trust in
 * that certificate (a self-signed trial key, or a CA-issued one) is the caller's decision, as with
 * {@code openssl cms -verify -noverify}; {@link SignerPin} makes it. A signature time-stamp token
 * (RFC 3161, unsigned attribute id-aa-signatureTimeStampToken), where present, must be over the
 * signature value and verify with the TSA certificate it carries; trust in that TSA is likewise the
 * caller's decision.
 */
public final class CmsVerifier {

    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();

    private CmsVerifier() {
    }

    /**
     * @param signature DER; exactly one ASN.1 object is read, so the zero padding of a PDF's
     *                  {@code /Contents} is ignored (BouncyCastle rejects it as extra data otherwise)
     * @return the signature's one signer, with its certificates and times
     */
    public static CmsSignature verify(byte[] signature, byte[] content) throws SigningException {
        try (ASN1InputStream in = new ASN1InputStream(signature)) {
            ASN1Primitive obj = in.readObject();
            if (obj == null) {
                throw new SigningException("the signature is empty");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), ContentInfo.getInstance(obj));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            // one signer, so that "who signed" has one answer
            if (signers.size() != 1) {
                throw new SigningException("the signature has " + signers.size() + " signers, not one");
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
            if (certs.isEmpty()) {
                throw new SigningException("the signature does not include its signer's certificate");
            }
            X509CertificateHolder holder = certs.iterator().next();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                throw new SigningException("the signature does not match the content");
            }
            List<CmsSignature.TimeStamp> stamps = new ArrayList<>();
            for (TimeStampToken token : timeStamps(si)) {
                stamps.add(checkTimeStamp(token, si.getSignature()));
            }
            return new CmsSignature(CONVERTER.getCertificate(holder), all(cms.getCertificates()), signingTime(si),
                    List.copyOf(stamps));
        } catch (SigningException e) {
            throw e;
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new SigningException("the signer's certificate was not valid at the signing time the signature states", e);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("the signature is malformed: " + e.getMessage(), e);
        } catch (Exception e) {
            // CMSException (digest mismatch), OperatorCreationException, CertificateException
            throw new SigningException("the signature does not verify: " + e.getMessage(), e);
        }
    }

    /** The signed signing-time attribute, or null. */
    private static Instant signingTime(SignerInformation si) {
        AttributeTable signed = si.getSignedAttributes();
        Attribute at = signed == null ? null : signed.get(CMSAttributes.signingTime);
        return at == null ? null : Time.getInstance(at.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    private static List<X509Certificate> all(Store<X509CertificateHolder> store) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : store.getMatches(null)) {
            out.add(CONVERTER.getCertificate(h));
        }
        return List.copyOf(out);
    }

    /** The signature time-stamp tokens of a signer, usually none or one. */
    private static List<TimeStampToken> timeStamps(SignerInformation si) throws SigningException {
        AttributeTable unsigned = si.getUnsignedAttributes();
        if (unsigned == null) {
            return List.of();
        }
        List<TimeStampToken> tokens = new ArrayList<>();
        ASN1EncodableVector attrs = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        for (int i = 0; i < attrs.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(attrs.get(i)).getAttributeValues()) {
                try {
                    tokens.add(new TimeStampToken(ContentInfo.getInstance(value)));
                } catch (Exception e) {
                    throw new SigningException("the signature time-stamp token is malformed: " + e.getMessage(), e);
                }
            }
        }
        return tokens;
    }

    /**
     * A time-stamp token is good for a signature when its message imprint is the digest of the signature
     * value and its own signature verifies with the TSA certificate it carries (which must be valid at
     * the stamped time and have the critical time-stamping extended key usage).
     */
    static CmsSignature.TimeStamp checkTimeStamp(TimeStampToken token, byte[] signatureValue) throws SigningException {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        try {
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build().get(info.getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signatureValue);
            }
            if (!Arrays.equals(digest.getDigest(), info.getMessageImprintDigest())) {
                throw new SigningException("the time-stamp token is not over this signature (message imprint differs)");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            if (certs.isEmpty()) {
                throw new SigningException("the time-stamp token does not include its TSA's certificate");
            }
            X509CertificateHolder tsa = certs.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            return new CmsSignature.TimeStamp(info.getGenTime().toInstant(), CONVERTER.getCertificate(tsa),
                    all(token.getCertificates()));
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            // TSPValidationException (bad signature, certificate not for time-stamping or not valid then),
            // OperatorCreationException (unknown imprint algorithm), CertificateException
            throw new SigningException("the time-stamp token does not verify: " + e.getMessage(), e);
        }
    }
}
