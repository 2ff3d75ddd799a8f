package io.sealwatch.reports.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * PAdES baseline-B signatures on PDFs (ETSI.CAdES.detached, external signing with BouncyCastle), and
 * their verification. The signing date is the run's as-of time, so a bundle says when it was judged.
 * With a time-stamp authority (signing.tsa-url) the CMS carries a signature time-stamp token as an
 * unsigned attribute (PAdES baseline-T): when it was actually signed, attested by a third party.
 */
public final class PdfSigner {

    /** Room for the CMS with a time-stamp token, whose TSA may include a certificate chain of several KB. */
    static final int TIMESTAMPED_SIGNATURE_SIZE = 0x8000;

    private PdfSigner() {
    }

    public static void sign(Path pdf, Signer signer, Instant signingTime) throws IOException, SigningException {
        Path tmp = Files.createTempFile(pdf.toAbsolutePath().getParent(), ".signing", ".pdf.tmp");
        try {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDSignature sig = new PDSignature();
                sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
                sig.setName(signer.certificate().getSubjectX500Principal().getName());
                sig.setReason("Sealwatch evidence bundle");
                Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
                when.setTimeInMillis(signingTime.toEpochMilli());
                sig.setSignDate(when);
                try (SignatureOptions options = new SignatureOptions()) {
                    options.setPreferredSignatureSize(
                            signer.timestamped() ? TIMESTAMPED_SIGNATURE_SIZE : SignatureOptions.DEFAULT_SIGNATURE_SIZE);
                    doc.addSignature(sig, options);
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                        external.setSignature(signer.signDetached(external.getContent().readAllBytes()));
                    }
                }
            }
            Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks every signature of a PDF: its byte range covers the whole file but the signature itself,
     * and its CMS verifies over those bytes (with its time-stamp token, if it has one).
     *
     * @return the signatures, in the order of the document
     * @throws SigningException naming what is wrong; also when the PDF has no signature
     */
    public static List<CmsSignature> verify(byte[] pdf) throws SigningException {
        List<CmsSignature> signers = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            if (sigs.isEmpty()) {
                throw new SigningException("has no signature");
            }
            for (PDSignature sig : sigs) {
                int[] range = sig.getByteRange();
                if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
                    throw new SigningException("signature does not cover the whole file (content was added after signing)");
                }
                signers.add(CmsVerifier.verify(sig.getContents(pdf), sig.getSignedContent(pdf)));
            }
            return signers;
        } catch (IOException e) {
            throw new SigningException("cannot be read as a PDF: " + e.getMessage(), e);
        }
    }
}
