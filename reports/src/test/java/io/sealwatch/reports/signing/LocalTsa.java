package io.sealwatch.reports.signing;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real RFC 3161 time-stamp authority on loopback for tests: BouncyCastle's token and response
 * generators behind a JDK HTTP server, with a throw-away EC key and a self-signed certificate with the
 * critical id-kp-timeStamping extended key usage. Modes make it misbehave the ways a TSA can.
 */
final class LocalTsa implements AutoCloseable {

    enum Mode { GRANT, HTTP_500, REJECT, WRONG_IMPRINT, WRONG_KEY }

    /** Fixed, so tokens do not depend on the clock; inside the certificate's validity. */
    static final Date GEN_TIME = Date.from(Instant.parse("2026-10-01T00:00:00Z"));
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

    private static final KeyPair KEY = TestPki.ecKey();
    private static final KeyPair OTHER_KEY = TestPki.ecKey();
    static final X509CertificateHolder CERT = selfSigned(KEY);

    private final Mode mode;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();

    LocalTsa(Mode mode) throws IOException {
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            byte[] reply;
            int status = 200;
            try {
                if (!"POST".equals(exchange.getRequestMethod())
                        || !"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    throw new IllegalArgumentException("not a time-stamp query");
                }
                reply = answer(new TimeStampRequest(exchange.getRequestBody().readAllBytes()));
            } catch (Exception e) {
                status = 400;
                reply = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
            }
            if (mode == Mode.HTTP_500) {
                status = 500;
                reply = "internal error".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    int requests() {
        return requests.get();
    }

    private byte[] answer(TimeStampRequest request) throws Exception {
        BigInteger serialNo = BigInteger.valueOf(serial.incrementAndGet());
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(
                generator(mode == Mode.WRONG_KEY ? OTHER_KEY : KEY), TSPAlgorithms.ALLOWED);
        return switch (mode) {
            case REJECT -> responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.systemFailure,
                    "test TSA refuses").getEncoded();
            case WRONG_IMPRINT -> {
                byte[] digest = request.getMessageImprintDigest().clone();
                digest[0] ^= 1;
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(true);
                yield responses.generate(g.generate(request.getMessageImprintAlgOID(), digest, request.getNonce()),
                        serialNo, GEN_TIME).getEncoded();
            }
            default -> responses.generate(request, serialNo, GEN_TIME).getEncoded();
        };
    }

    /** A token over {@code digest} (SHA-256), signed with the certificate's key or, if forged, another one. */
    static TimeStampToken token(byte[] digest, boolean forged) throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        return generator(forged ? OTHER_KEY : KEY).generate(g.generate(TSPAlgorithms.SHA256, digest), BigInteger.ONE, GEN_TIME);
    }

    private static TimeStampTokenGenerator generator(KeyPair signingKey) throws Exception {
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", signingKey.getPrivate(), CERT),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
        gen.addCertificates(new JcaCertStore(List.of(CERT)));
        return gen;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static X509CertificateHolder selfSigned(KeyPair kp) {
        try {
            X500Name name = new X500Name("CN=Sealwatch test TSA");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7),
                    Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                    name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            return b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
