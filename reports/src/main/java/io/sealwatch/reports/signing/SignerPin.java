package io.sealwatch.reports.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom {@code verify} accepts as a bundle's signer: {@code --trust PEM} (certificates or CAs: the signer's
 * certificate must be one of them or have a PKIX path to one, valid at the signing time, revocation not
 * checked) and {@code --fingerprint SHA256} (the signer's certificate exactly); and whose time-stamps it
 * accepts ({@code --tsa-trust PEM}). A valid signature only proves the bundle is unchanged since someone
 * signed it; the pin says who that may be.
 * <p>
 * The signing time is the first RFC 3161 time-stamp's time when there is one, else the signed
 * signing-time attribute, else the time given by the caller. Without {@code --tsa-trust} a time-stamp is
 * as good as the signer's own word; with it, every signature must carry a time-stamp by a trusted TSA.
 */
public final class SignerPin {

    /** Nothing pinned: any valid signature is accepted. */
    public static final SignerPin NONE = new SignerPin(null, List.of(), null, null, List.of());

    private static final Pattern HEX64 = Pattern.compile("[0-9A-F]{64}");

    private final Path trustFile;
    private final List<X509Certificate> trusted;
    /** upper-case hex without colons, or null */
    private final String fingerprint;
    private final Path tsaTrustFile;
    private final List<X509Certificate> tsaTrusted;

    private SignerPin(Path trustFile, List<X509Certificate> trusted, String fingerprint, Path tsaTrustFile,
                      List<X509Certificate> tsaTrusted) {
        this.trustFile = trustFile;
        this.trusted = trusted;
        this.fingerprint = fingerprint;
        this.tsaTrustFile = tsaTrustFile;
        this.tsaTrusted = tsaTrusted;
    }

    /**
     * @param trust       PEM (or DER) file of one or more certificates, or null
     * @param fingerprint SHA-256 of the signer's certificate in hex, colons optional, any case; or null
     * @param tsaTrust    PEM (or DER) file of TSA certificates or CAs, or null
     * @throws SigningException a file that cannot be read or holds no certificate, or a malformed fingerprint
     */
    public static SignerPin of(Path trust, String fingerprint, Path tsaTrust) throws SigningException {
        String hex = null;
        if (fingerprint != null) {
            hex = fingerprint.replace(":", "").strip().toUpperCase(Locale.ROOT);
            if (!HEX64.matcher(hex).matches()) {
                throw new SigningException("--fingerprint must be the 64 hex digits of a SHA-256 fingerprint "
                        + "(colons optional), not '" + fingerprint + "'");
            }
        }
        return new SignerPin(trust, certificates(trust, "--trust"), hex, tsaTrust, certificates(tsaTrust, "--tsa-trust"));
    }

    private static List<X509Certificate> certificates(Path file, String option) throws SigningException {
        if (file == null) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in).forEach(c -> certs.add((X509Certificate) c));
            if (certs.isEmpty()) {
                throw new SigningException(option + " " + file + " holds no certificate");
            }
            return List.copyOf(certs);
        } catch (IOException e) {
            throw new SigningException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new SigningException(option + " " + file + " is not a PEM or DER certificate file: " + e.getMessage(), e);
        }
    }

    /** Whether the signer is pinned ({@code --trust} or {@code --fingerprint}). */
    public boolean pinned() {
        return !trusted.isEmpty() || fingerprint != null;
    }

    /** Whether anything is asked of a signature, so that an unsigned bundle cannot satisfy this pin. */
    public boolean requiresSignature() {
        return pinned() || !tsaTrusted.isEmpty();
    }

    /** What was pinned, for people: "--trust ca.pem, --fingerprint AB:CD:…". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (trustFile != null) {
            parts.add("--trust " + trustFile);
        }
        if (fingerprint != null) {
            parts.add("--fingerprint " + fingerprint.replaceAll("(..)(?!$)", "$1:"));
        }
        if (tsaTrustFile != null) {
            parts.add("--tsa-trust " + tsaTrustFile);
        }
        return String.join(", ", parts);
    }

    /**
     * @param unattested the signing time to use when the signature attests none (no time-stamp, no signing-time)
     * @throws SigningException "signed by SUBJECT (SHA-256 fingerprint …), …" saying which pin it fails and why
     */
    public void check(CmsSignature sig, Instant unattested) throws SigningException {
        X509Certificate cert = sig.signer();
        if (fingerprint != null && !Certificates.fingerprint(cert).replace(":", "").equals(fingerprint)) {
            throw new SigningException("signed by " + Certificates.describe(cert) + ", not by the --fingerprint pinned");
        }
        Instant at = sig.attestedTime() != null ? sig.attestedTime() : unattested;
        if (!trusted.isEmpty()) {
            boolean[] usage = cert.getKeyUsage();
            if (usage != null && !usage[0] && !usage[1]) {
                throw new SigningException("signed by " + Certificates.describe(cert)
                        + ", a certificate whose key usage allows neither digital signatures nor non-repudiation");
            }
            try {
                validate(cert, sig.certificates(), trusted, at);
            } catch (GeneralSecurityException e) {
                throw new SigningException("signed by " + Certificates.describe(cert) + ", which --trust " + trustFile
                        + " does not vouch for at the signing time " + at + ": " + e.getMessage(), e);
            }
        }
        if (!tsaTrusted.isEmpty()) {
            if (sig.timeStamps().isEmpty()) {
                throw new SigningException("not time-stamped, but --tsa-trust asks for a time-stamp");
            }
            for (CmsSignature.TimeStamp ts : sig.timeStamps()) {
                try {
                    validate(ts.tsa(), ts.certificates(), tsaTrusted, ts.time());
                } catch (GeneralSecurityException e) {
                    throw new SigningException("time-stamped by " + Certificates.describe(ts.tsa()) + ", which --tsa-trust "
                            + tsaTrustFile + " does not vouch for at " + ts.time() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** {@code cert} is one of {@code anchors}, or has a PKIX path to one through {@code carried}, valid at {@code at}. */
    private static void validate(X509Certificate cert, List<X509Certificate> carried, List<X509Certificate> anchors,
                                 Instant at) throws GeneralSecurityException {
        if (at.isBefore(cert.getNotBefore().toInstant()) || at.isAfter(cert.getNotAfter().toInstant())) {
            throw new CertificateException("the certificate is valid only from " + cert.getNotBefore().toInstant()
                    + " to " + cert.getNotAfter().toInstant());
        }
        // a pinned certificate is its own anchor: PKIX wants at least one certificate above the target
        if (anchors.contains(cert)) {
            return;
        }
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        anchors.forEach(a -> trustAnchors.add(new TrustAnchor(a, null)));
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(cert);
        PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors, target);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
        CertPathBuilder.getInstance("PKIX").build(params);
    }
}
