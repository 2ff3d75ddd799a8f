package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Verifies a detached CMS signature against its content with the certificate it carries. Trust in
 * that certificate (a self-signed trial key, or a CA-issued one) is the caller's decision, as with
 * {@code openssl cms -verify -noverify}.
 */
public final class CmsVerifier {

    private CmsVerifier() {
    }

    /**
     * @param signature DER; exactly one ASN.1 object is read, so the zero padding of a PDF's
     *                  {@code /Contents} is ignored (BouncyCastle rejects it as extra data otherwise)
     * @return the signer's certificate
     */
    public static X509Certificate verify(byte[] signature, byte[] content) throws SigningException {
        try (ASN1InputStream in = new ASN1InputStream(signature)) {
            ASN1Primitive obj = in.readObject();
            if (obj == null) {
                throw new SigningException("the signature is empty");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), ContentInfo.getInstance(obj));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                throw new SigningException("the signature has no signer");
            }
            X509Certificate signerCert = null;
            for (SignerInformation si : signers) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
                if (certs.isEmpty()) {
                    throw new SigningException("the signature does not include its signer's certificate");
                }
                X509CertificateHolder holder = certs.iterator().next();
                if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                    throw new SigningException("the signature does not match the content");
                }
                signerCert = new JcaX509CertificateConverter().getCertificate(holder);
            }
            return signerCert;
        } catch (SigningException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SigningException("the signature is malformed: " + e.getMessage(), e);
        } catch (Exception e) {
            // CMSException (digest mismatch), OperatorCreationException, CertificateException
            throw new SigningException("the signature does not verify: " + e.getMessage(), e);
        }
    }
}
