package io.sealwatch.reports.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A CMS signature that verified over its content: who made it, the certificates it carries, and when
 * it says it was made.
 *
 * @param signer       the signer's certificate
 * @param certificates every certificate the signature carries (the signer's and any CA certificates of its chain)
 * @param signingTime  the signed signing-time attribute, the signer's own claim; null when absent (PAdES has none)
 * @param timeStamps   its RFC 3161 signature time-stamps, each verified over the signature value
 */
public record CmsSignature(X509Certificate signer, List<X509Certificate> certificates, Instant signingTime,
                           List<TimeStamp> timeStamps) {

    /**
     * @param time         when the TSA saw the signature
     * @param tsa          the certificate that signed the token
     * @param certificates every certificate the token carries
     */
    public record TimeStamp(Instant time, X509Certificate tsa, List<X509Certificate> certificates) {
    }

    /**
     * When the signature was made, as well as it is attested: the first time-stamp's time (a third party's
     * word), else the signing-time attribute, else null.
     */
    public Instant attestedTime() {
        return timeStamps.isEmpty() ? signingTime : timeStamps.get(0).time();
    }
}
