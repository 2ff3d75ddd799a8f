package io.sealwatch.reports.signing;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 3161 time-stamp authority ({@code signing.tsa-url}). It stamps the signature value of each
 * signer of a CMS signature, and the token goes in as the unsigned attribute
 * id-aa-signatureTimeStampToken (CAdES/PAdES B-T): proof from a third party that the signature existed
 * at that time. Every failure is an error, never a silently unstamped signature.
 */
final class TimeStampAuthority {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final SecureRandom NONCES = new SecureRandom();
    /**
     * One client for every authority and signer: it pools connections and owns a selector thread, so one per signer
     * (one per bundle in watch mode) would be a thread per bundle until collected.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).proxy(ProxySelector.getDefault()).build();

    private final URI url;
    /** The URL as shown in messages: without user info or query, which may hold credentials. */
    private final String shown;

    private TimeStampAuthority(URI url, String shown) {
        this.url = url;
        this.shown = shown;
    }

    static TimeStampAuthority of(String url) throws SigningException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SigningException("signing.tsa-url is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new SigningException("signing.tsa-url must be an http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new SigningException("signing.tsa-url must not contain credentials");
        }
        String shown = scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return new TimeStampAuthority(uri, shown);
    }

    /** {@code signed} with a time-stamp token added to every signer. */
    CMSSignedData stamp(CMSSignedData signed) throws SigningException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation si : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = token(si.getSignature());
            AttributeTable unsigned = si.getUnsignedAttributes() != null ? si.getUnsignedAttributes()
                    : new AttributeTable(new ASN1EncodableVector());
            stamped.add(SignerInformation.replaceUnsignedAttributes(si, unsigned.add(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, token.toCMSSignedData().toASN1Structure())));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** A validated token over SHA-256 of {@code signatureValue}. */
    TimeStampToken token(byte[] signatureValue) throws SigningException {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        TimeStampRequest request = gen.generate(TSPAlgorithms.SHA256, sha256(signatureValue), new BigInteger(64, NONCES));
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(post(request));
        } catch (TSPException | IOException | RuntimeException e) {
            throw failure("sent a reply that is not an RFC 3161 time-stamp response: " + e.getMessage(), e);
        }
        if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
            throw failure("rejected the request (status " + response.getStatus()
                    + (response.getStatusString() != null ? ", " + response.getStatusString() : "")
                    + (response.getFailInfo() != null ? ", failure info " + response.getFailInfo().intValue() : "") + ")", null);
        }
        try {
            response.validate(request);
        } catch (TSPException e) {
            throw failure("sent a time-stamp that does not answer the request: " + e.getMessage(), e);
        }
        TimeStampToken token = response.getTimeStampToken();
        try {
            CmsVerifier.checkTimeStamp(token, signatureValue);
        } catch (SigningException e) {
            throw failure("sent an invalid time-stamp: " + e.getMessage(), e);
        }
        return token;
    }

    private byte[] post(TimeStampRequest request) throws SigningException, IOException {
        HttpRequest post = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
        HttpResponse<byte[]> reply;
        try {
            reply = HTTP.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure("cannot be reached: " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("did not answer: interrupted", e);
        }
        if (reply.statusCode() != 200) {
            throw failure("answered HTTP " + reply.statusCode(), null);
        }
        return reply.body();
    }

    private SigningException failure(String what, Throwable cause) {
        return new SigningException("time-stamp authority " + shown + " (signing.tsa-url) " + what
                + "; the bundle is not signed without its time-stamp", cause);
    }

    /** The JDK client's exceptions often have no message of their own (a refused connection): use the cause's. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
